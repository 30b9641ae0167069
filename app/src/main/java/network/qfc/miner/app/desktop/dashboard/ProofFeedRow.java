package network.qfc.miner.app.desktop.dashboard;

import java.time.Instant;

/**
 * One line of the live proof feed.
 *
 * @param at      when the node answered (or the proof was dropped)
 * @param taskId  the task's id (64 hex)
 * @param model   {@code name@version}
 * @param ms      inference time, -1 when unknown
 * @param outcome Accepted / Rejected / Failed spot check / Dropped
 * @param message the node's message in plain words
 * @param good    true for an accepted proof (for the row's colour)
 */
public record ProofFeedRow(Instant at, String taskId, String model, long ms, String outcome, String message,
        boolean good) {
}
