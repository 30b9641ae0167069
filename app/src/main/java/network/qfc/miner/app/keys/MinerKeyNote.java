package network.qfc.miner.app.keys;

/** What a miner key is and when a validator stake matters, said the same way by {@code keys}, first run and README. */
public final class MinerKeyNote {
    /** One paragraph for a person. */
    public static final String TEXT = "A miner key mines as it is on the newest QFC nodes (a standalone miner: no stake"
            + " needed). A validator stake matters only to be scored and slashed as a validator, and on older v2.0"
            + " nodes, which take proofs from validators only.";

    private MinerKeyNote() {
    }
}
