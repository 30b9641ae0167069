package network.qfc.miner.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine's writes, each run inside one transaction by {@link ProofJournal}: check the current state,
 * then move the row. Illegal moves raise {@link JournalException.Reason#ILLEGAL_TRANSITION} and change nothing.
 */
final class TaskTransitions {
    static final Set<TaskState> OPEN = EnumSet.of(TaskState.FETCHED, TaskState.INFERRED, TaskState.SIGNED, TaskState.SUBMITTING);
    static final String OPEN_SQL = "('FETCHED','INFERRED','SIGNED','SUBMITTING')";

    private TaskTransitions() {
    }

    static boolean fetched(Connection c, TaskRecord t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO tasks (task_id, state, epoch, model_name, model_version, task_type, input_size, deadline_ms, fetched_at)
                VALUES (?, 'FETCHED', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING""")) {
            p.setString(1, t.taskId());
            p.setLong(2, t.epoch());
            p.setString(3, t.modelName());
            p.setString(4, t.modelVersion());
            p.setString(5, t.taskType());
            p.setLong(6, t.inputSize());
            p.setLong(7, t.deadlineMs());
            p.setLong(8, t.fetchedAtMs());
            return p.executeUpdate() == 1;
        }
    }

    static void inferred(Connection c, String taskId, String outputHash, long executionMs, String backend, long flops,
                         long atMs) throws SQLException {
        TaskState state = stateOf(c, taskId);
        if (state == TaskState.INFERRED && outputHash.equals(column(c, taskId, "output_hash"))) {
            return; // the same result recorded twice: nothing to do
        }
        require(taskId, state, "record its inference result", EnumSet.of(TaskState.FETCHED));
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE tasks SET state = 'INFERRED', output_hash = ?, execution_ms = ?, backend = ?, flops = ?, inferred_at = ?
                WHERE task_id = ?""")) {
            p.setString(1, outputHash);
            p.setLong(2, executionMs);
            p.setString(3, backend);
            p.setLong(4, flops);
            p.setLong(5, atMs);
            p.setString(6, taskId);
            p.executeUpdate();
        }
    }

    static void signed(Connection c, String taskId, byte[] proofBytes, byte[] resultData, long atMs) throws SQLException {
        TaskState state = stateOf(c, taskId);
        if (state == TaskState.SIGNED || state == TaskState.SUBMITTING) {
            byte[] existing;
            try (PreparedStatement p = c.prepareStatement("SELECT proof_bytes FROM tasks WHERE task_id = ?")) {
                p.setString(1, taskId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    existing = r.getBytes(1);
                }
            }
            if (Arrays.equals(existing, proofBytes)) {
                return; // the same proof recorded twice
            }
            throw new JournalException(JournalException.Reason.ILLEGAL_TRANSITION, "task " + taskId
                    + " already has a different signed proof: resend the journaled one, never a second proof");
        }
        require(taskId, state, "record its signed proof", EnumSet.of(TaskState.INFERRED));
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'SIGNED', proof_bytes = ?, result_data = ?, signed_at = ? WHERE task_id = ?")) {
            p.setBytes(1, proofBytes);
            if (resultData == null) {
                p.setNull(2, Types.BLOB);
            } else {
                p.setBytes(2, resultData);
            }
            p.setLong(3, atMs);
            p.setString(4, taskId);
            p.executeUpdate();
        }
    }

    static long beginAttempt(Connection c, String taskId, long atMs) throws SQLException {
        TaskState state = stateOf(c, taskId);
        if (state == TaskState.ANSWERED) {
            throw new JournalException(JournalException.Reason.ILLEGAL_TRANSITION,
                    "task " + taskId + " was already answered by the node: it must not be submitted again");
        }
        require(taskId, state, "begin a submission", EnumSet.of(TaskState.SIGNED, TaskState.SUBMITTING));
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'SUBMITTING', attempts = attempts + 1, last_attempt_at = ? WHERE task_id = ?")) {
            p.setLong(1, atMs);
            p.setString(2, taskId);
            p.executeUpdate();
        }
        return attempts(c, taskId);
    }

    static boolean answered(Connection c, String taskId, boolean accepted, boolean spotChecked, String message, long atMs)
            throws SQLException {
        TaskState state = stateOf(c, taskId);
        if (state == TaskState.ANSWERED) {
            return false;
        }
        boolean sent = attempts(c, taskId) > 0;
        boolean lateAnswerToSentProof = sent && state == TaskState.EXPIRED;
        if (!lateAnswerToSentProof) {
            require(taskId, state, "record the node's answer", EnumSet.of(TaskState.SUBMITTING));
        }
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE tasks SET state = 'ANSWERED', accepted = ?, spot_checked = ?, node_message = ?, settled_at = ?
                WHERE task_id = ? AND state <> 'ANSWERED'""")) {
            p.setInt(1, accepted ? 1 : 0);
            p.setInt(2, spotChecked ? 1 : 0);
            p.setString(3, message == null ? "" : message);
            p.setLong(4, atMs);
            p.setString(5, taskId);
            return p.executeUpdate() == 1;
        }
    }

    static boolean expired(Connection c, String taskId, long atMs) throws SQLException {
        stateOf(c, taskId);
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'EXPIRED', settled_at = ? WHERE task_id = ? AND state IN " + OPEN_SQL)) {
            p.setLong(1, atMs);
            p.setString(2, taskId);
            return p.executeUpdate() == 1;
        }
    }

    static boolean failed(Connection c, String taskId, String reason, long atMs) throws SQLException {
        stateOf(c, taskId);
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'FAILED', failure_reason = ?, settled_at = ? WHERE task_id = ? AND state IN " + OPEN_SQL)) {
            p.setString(1, reason == null || reason.isBlank() ? "unknown" : reason);
            p.setLong(2, atMs);
            p.setString(3, taskId);
            return p.executeUpdate() == 1;
        }
    }

    static int expireOverdue(Connection c, long nowMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE tasks SET state = 'EXPIRED', settled_at = ? WHERE state IN " + OPEN_SQL + " AND deadline_ms <= ?")) {
            p.setLong(1, nowMs);
            p.setLong(2, nowMs);
            return p.executeUpdate();
        }
    }

    static int failUnsigned(Connection c, String reason, long atMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE tasks SET state = 'FAILED', failure_reason = ?,"
                + " settled_at = ? WHERE state IN ('FETCHED','INFERRED')")) {
            p.setString(1, reason == null || reason.isBlank() ? "unknown" : reason);
            p.setLong(2, atMs);
            return p.executeUpdate();
        }
    }

    static TaskState stateOf(Connection c, String taskId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM tasks WHERE task_id = ?")) {
            p.setString(1, taskId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new JournalException(JournalException.Reason.UNKNOWN_TASK,
                            "task " + taskId + " is not in the proof journal: record it as fetched first");
                }
                return TaskState.valueOf(r.getString(1));
            }
        }
    }

    private static long attempts(Connection c, String taskId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT attempts FROM tasks WHERE task_id = ?")) {
            p.setString(1, taskId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String column(Connection c, String taskId, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM tasks WHERE task_id = ?")) {
            p.setString(1, taskId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void require(String taskId, TaskState state, String action, Set<TaskState> allowed) {
        if (!allowed.contains(state)) {
            throw new JournalException(JournalException.Reason.ILLEGAL_TRANSITION,
                    "cannot " + action + " for task " + taskId + ": it is " + state + " (expected " + allowed + ")");
        }
    }
}
