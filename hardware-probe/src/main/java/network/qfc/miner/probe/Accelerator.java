package network.qfc.miner.probe;

/** What would run inference here, as the node's tiering tells them apart. */
public enum Accelerator {
    CUDA("CUDA"),
    METAL("Metal"),
    CPU("CPU");

    private final String displayName;

    Accelerator(String displayName) {
        this.displayName = displayName;
    }

    /** {@code CUDA}, {@code Metal} or {@code CPU}: the same spelling as the protocol's backend names. */
    public String displayName() {
        return displayName;
    }
}
