package network.qfc.miner.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps the journal's growth bounded: detail older than {@link #DETAIL_RETENTION} (cut at a UTC midnight, so days
 * are rolled whole) is summed into {@code daily_aggregates}, which are kept forever, and then deleted; proof and
 * result bytes of settled tasks are dropped after {@link #PAYLOAD_RETENTION} (they are only needed to resend).
 * The newest standing snapshot is always kept. Runs inside one transaction: the totals of every day are the same
 * before and after.
 */
final class DetailCompactor {
    static final Duration DETAIL_RETENTION = Duration.ofDays(30);
    static final Duration PAYLOAD_RETENTION = Duration.ofDays(2);
    private static final long DAY = JournalQueries.DAY_MS;
    private static final String SETTLED = "('ANSWERED','EXPIRED','FAILED')";

    private DetailCompactor() {
    }

    /** The first millisecond kept in detail when compacting at {@code nowMs}. */
    static long cutoff(long nowMs) {
        return Math.floorDiv(nowMs - DETAIL_RETENTION.toMillis(), DAY) * DAY;
    }

    static int compact(Connection c, long nowMs) throws SQLException {
        long cutoff = cutoff(nowMs);
        update(c, "UPDATE tasks SET state = 'EXPIRED', settled_at = ? WHERE state IN " + TaskTransitions.OPEN_SQL
                + " AND fetched_at < ? AND deadline_ms <= ?", nowMs, cutoff, nowMs);
        // the same counters as the detail queries, so a day's totals do not change when it is rolled up
        update(c, """
                INSERT INTO daily_aggregates (day, tasks, accepted, spot_checked, rejected, expired, failed,
                                              execution_ms_total, flops_total)
                SELECT fetched_at / %1$d AS d, %3$s
                FROM tasks WHERE fetched_at < ? AND state IN %2$s GROUP BY d
                ON CONFLICT (day) DO UPDATE SET
                  tasks = tasks + excluded.tasks, accepted = accepted + excluded.accepted,
                  spot_checked = spot_checked + excluded.spot_checked, rejected = rejected + excluded.rejected,
                  expired = expired + excluded.expired, failed = failed + excluded.failed,
                  execution_ms_total = execution_ms_total + excluded.execution_ms_total,
                  flops_total = flops_total + excluded.flops_total""".formatted(DAY, SETTLED, JournalQueries.COUNTER_COLUMNS),
                cutoff);
        // the bare columns come from the row holding max(at_ms) of each day
        update(c, """
                INSERT INTO daily_aggregates (day, last_standing_at, last_inference_score, last_stake)
                SELECT at_ms / %d AS d, max(at_ms), inference_score, stake FROM standings WHERE at_ms < ? GROUP BY d
                ON CONFLICT (day) DO UPDATE SET last_standing_at = excluded.last_standing_at,
                  last_inference_score = excluded.last_inference_score, last_stake = excluded.last_stake
                WHERE last_standing_at IS NULL OR excluded.last_standing_at >= last_standing_at""".formatted(DAY), cutoff);
        int rolled = update(c, "DELETE FROM tasks WHERE fetched_at < ? AND state IN " + SETTLED, cutoff);
        update(c, """
                DELETE FROM standings WHERE at_ms < ?
                AND id <> (SELECT id FROM standings ORDER BY at_ms DESC, id DESC LIMIT 1)""", cutoff);
        update(c, "DELETE FROM events WHERE at_ms < ?", cutoff);
        update(c, "UPDATE tasks SET proof_bytes = NULL, result_data = NULL WHERE state IN " + SETTLED
                + " AND settled_at < ? AND (proof_bytes IS NOT NULL OR result_data IS NOT NULL)",
                nowMs - PAYLOAD_RETENTION.toMillis());
        return rolled;
    }

    private static int update(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setLong(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }
}
