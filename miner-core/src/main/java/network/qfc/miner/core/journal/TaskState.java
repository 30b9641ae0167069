package network.qfc.miner.core.journal;

/**
 * Where a task stands in the journal's write-ahead state machine.
 *
 * <pre>
 * FETCHED -> INFERRED -> SIGNED -> SUBMITTING (attempts counted before each send) -> ANSWERED
 *    any state before ANSWERED -> EXPIRED (deadline passed) | FAILED (reason)
 * FETCHED -> SKIPPED (a task this miner cannot run: recognised before any inference, never a proof, never a failure)
 * </pre>
 * ANSWERED, EXPIRED, FAILED and SKIPPED are terminal, except that a late answer from the node to a proof that was sent and
 * then expired is still recorded (the node's word is the truth).
 */
public enum TaskState {
    FETCHED, INFERRED, SIGNED, SUBMITTING, ANSWERED, EXPIRED, FAILED, SKIPPED;

    /** True for ANSWERED, EXPIRED, FAILED and SKIPPED. */
    public boolean isTerminal() {
        return this == ANSWERED || this == EXPIRED || this == FAILED || this == SKIPPED;
    }
}
