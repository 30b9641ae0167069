package network.qfc.miner.core.events;

/** What the miner is doing, in one word a screen can show. */
public enum MinerState {
    /** Loading the key, probing, installing models, benchmarking. */
    STARTING,
    /** Fetching tasks and computing. */
    RUNNING,
    /** Connected but not computing (compute mode none, or the governor paused it). */
    PAUSED,
    /** The node jailed this validator: no tasks until it is active again. */
    JAILED,
    /** The node does not answer; retrying. */
    UNREACHABLE,
    /** Finishing the proof in flight. */
    STOPPING,
    /** Stopped cleanly. */
    STOPPED,
    /** Stopped by a fatal error. */
    FAILED
}
