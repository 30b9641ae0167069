package network.qfc.miner.probe;

/** The node's hardware tier, lowest first; a task for a tier may go to that tier or a higher one. */
public enum GpuTier {
    COLD("Cold"),
    WARM("Warm"),
    HOT("Hot");

    private final String wireName;

    GpuTier(String wireName) {
        this.wireName = wireName;
    }

    /** As the node writes it: {@code "Cold"}, {@code "Warm"}, {@code "Hot"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this tier is at least {@code other}. */
    public boolean atLeast(GpuTier other) {
        return compareTo(other) >= 0;
    }

    /** Parses a wire name, case-insensitively. */
    public static GpuTier fromWireName(String name) {
        for (GpuTier t : values()) {
            if (t.wireName.equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + name + "' (expected Cold, Warm or Hot)");
    }
}
