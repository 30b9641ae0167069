package network.qfc.miner.core.protocol;

/** The node's memory tiers, as {@code qfc_getInferenceTask} names them ({@code "Hot"}, {@code "Warm"}, {@code "Cold"}). */
public enum GpuTier {
    COLD("Cold"),
    WARM("Warm"),
    HOT("Hot");

    private final String wireName;

    GpuTier(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
