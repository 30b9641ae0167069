package network.qfc.miner.core.protocol.rpc;

/** Where a miner keeps a loaded model, as {@code qfc_reportMinerStatus} names it: {@code hot}, {@code warm}, {@code cold}. */
public enum ModelLayer {
    HOT("hot"),
    WARM("warm"),
    COLD("cold");

    private final String wireName;

    ModelLayer(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
