package network.qfc.miner.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The journal's writes for node generations (issue 14), each run inside one transaction by {@link ProofJournal}: a
 * task skipped before any inference, a proof re-encoded or re-signed before it is sent again (write-ahead: the new
 * bytes replace the old ones only while the node has not answered), and the proof layout a node answered to.
 */
final class NodeGenerationRecords {
    private NodeGenerationRecords() {
    }

    /** FETCHED (recorded now if new) -> SKIPPED with the reason; false when the task was already journaled. */
    static boolean skipped(Connection c, TaskRecord task, String reason, long atMs) throws SQLException {
        if (!TaskTransitions.fetched(c, task)) {
            return false;
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'SKIPPED', failure_reason = ?, settled_at = ? WHERE task_id = ?")) {
            p.setString(1, reason);
            p.setLong(2, atMs);
            p.setString(3, task.taskId());
            p.executeUpdate();
        }
        return true;
    }

    /** Sets the layout of a journaled proof (the bytes were signed in it). */
    static void layout(Connection c, String taskId, String layout) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE tasks SET proof_layout = ? WHERE task_id = ?")) {
            p.setString(1, layout);
            p.setString(2, taskId);
            p.executeUpdate();
        }
    }

    /**
     * Replaces the proof bytes of a SIGNED or SUBMITTING task with {@code proofBytes} in {@code layout} (a re-encoded
     * or re-stamped proof of the same result). Refused once the node answered: an accepted proof is never sent in
     * another form.
     */
    static void resigned(Connection c, String taskId, byte[] proofBytes, String layout, long atMs) throws SQLException {
        TaskState state = TaskTransitions.stateOf(c, taskId);
        if (!EnumSet.of(TaskState.SIGNED, TaskState.SUBMITTING).contains(state)) {
            throw new JournalException(JournalException.Reason.ILLEGAL_TRANSITION, "cannot replace the proof of task "
                    + taskId + ": it is " + state + " (only a proof the node has not answered may be re-signed)");
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET proof_bytes = ?, proof_layout = ?, signed_at = ? WHERE task_id = ?")) {
            p.setBytes(1, proofBytes);
            p.setString(2, layout);
            p.setLong(3, atMs);
            p.setString(4, taskId);
            p.executeUpdate();
        }
    }

    static Optional<String> proofLayout(Connection c, String taskId) throws SQLException {
        return text(c, "SELECT proof_layout FROM tasks WHERE task_id = ?", taskId);
    }

    /** The text the one-parameter query {@code sql} finds for {@code key}; empty for no row or NULL. */
    private static Optional<String> text(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    static void rememberNodeLayout(Connection c, String endpoint, String layout, long atMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO node_layouts (endpoint, layout, decided_at) VALUES (?, ?, ?)
                ON CONFLICT (endpoint) DO UPDATE SET layout = excluded.layout, decided_at = excluded.decided_at""")) {
            p.setString(1, endpoint);
            p.setString(2, layout);
            p.setLong(3, atMs);
            p.executeUpdate();
        }
    }

    static Optional<String> nodeLayout(Connection c, String endpoint) throws SQLException {
        return text(c, "SELECT layout FROM node_layouts WHERE endpoint = ?", endpoint);
    }

    static void forgetNodeLayout(Connection c, String endpoint) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM node_layouts WHERE endpoint = ?")) {
            p.setString(1, endpoint);
            p.executeUpdate();
        }
    }
}
