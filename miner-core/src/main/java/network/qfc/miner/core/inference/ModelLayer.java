package network.qfc.miner.core.inference;

import java.util.Locale;

/** Where a model is, as {@code qfc_reportMinerStatus} reports it: in memory, on disk and verified, or not downloaded. */
public enum ModelLayer {
    HOT, WARM, COLD;

    /** {@code "hot"}, {@code "warm"} or {@code "cold"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
