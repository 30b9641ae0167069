package network.qfc.miner.app.desktop.dashboard;

import java.time.Instant;

/**
 * One line of the live feed: a proof's outcome, or (kind {@link Kind#GOVERNOR}) a change of the governor's pause or
 * throttle, in plain words.
 *
 * @param at      when the node answered (or the proof was dropped, or the governor changed its mind)
 * @param taskId  the task's id (64 hex); empty for a governor row
 * @param model   {@code name@version}; empty for a governor row
 * @param ms      inference time, -1 when unknown
 * @param outcome Accepted / Rejected / Failed spot check / Dropped; Paused / Throttled / Resumed
 * @param message the node's message (or the governor's reason) in plain words
 * @param good    true for an accepted proof (for the row's colour)
 * @param kind    a proof or a governor change
 */
public record ProofFeedRow(Instant at, String taskId, String model, long ms, String outcome, String message,
        boolean good, Kind kind) {

    /** What a row is about. */
    public enum Kind { PROOF, GOVERNOR }

    /** A proof's row. */
    public ProofFeedRow(Instant at, String taskId, String model, long ms, String outcome, String message, boolean good) {
        this(at, taskId, model, ms, outcome, message, good, Kind.PROOF);
    }

    /** A governor row: paused, throttled or resumed, and why. */
    static ProofFeedRow governor(Instant at, String outcome, String message) {
        return new ProofFeedRow(at, "", "", -1, outcome, message, false, Kind.GOVERNOR);
    }

    /** Whether the row is a proof, which has a detail to open. */
    public boolean isProof() {
        return kind == Kind.PROOF;
    }
}
