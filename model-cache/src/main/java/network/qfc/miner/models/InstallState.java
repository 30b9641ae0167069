package network.qfc.miner.models;

/** How much of a model is in the cache: all of it (verified, with a manifest), some of it, or nothing. */
public enum InstallState {
    INSTALLED, PARTIAL, MISSING
}
