package network.qfc.miner.core.journal;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's reads, each run inside one read transaction by {@link ProofJournal}. Periods combine the detail
 * rows (the last 30 days) with the daily aggregates (older days); a task belongs to the time it was fetched, and an
 * aggregated day belongs to its first millisecond (UTC).
 */
final class JournalQueries {
    static final long DAY_MS = Duration.ofDays(1).toMillis();
    static final int MAX_BUCKETS = 100_000;

    /** The counters of a set of task rows, in the order of {@code daily_aggregates}' columns (also used to roll days up). */
    static final String COUNTER_COLUMNS = """
            count(*),
            coalesce(sum(state = 'ANSWERED' AND accepted = 1), 0),
            coalesce(sum(state = 'ANSWERED' AND spot_checked = 1), 0),
            coalesce(sum(state = 'ANSWERED' AND accepted = 0), 0),
            coalesce(sum(state = 'EXPIRED'), 0),
            coalesce(sum(state = 'FAILED'), 0),
            coalesce(sum(execution_ms), 0),
            coalesce(sum(CASE WHEN state = 'ANSWERED' AND accepted = 1 THEN flops END), 0)""";
    private static final String AGGREGATE_COLUMNS = """
            coalesce(sum(tasks), 0), coalesce(sum(accepted), 0), coalesce(sum(spot_checked), 0),
            coalesce(sum(rejected), 0), coalesce(sum(expired), 0), coalesce(sum(failed), 0),
            coalesce(sum(execution_ms_total), 0), coalesce(sum(flops_total), 0)""";

    private JournalQueries() {
    }

    static Optional<JournalEntry> find(Connection c, String taskId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM tasks WHERE task_id = ?")) {
            p.setString(1, taskId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
        }
    }

    static boolean contains(Connection c, String taskId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM tasks WHERE task_id = ?")) {
            p.setString(1, taskId);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    static List<JournalEntry> recent(Connection c, int limit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM tasks ORDER BY fetched_at DESC, rowid DESC LIMIT ?")) {
            p.setInt(1, limit);
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(entry(r));
                }
            }
            return out;
        }
    }

    static List<PendingProof> pending(Connection c, long nowMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT * FROM tasks WHERE state IN ('SIGNED', 'SUBMITTING') AND deadline_ms > ?
                ORDER BY deadline_ms, fetched_at""")) {
            p.setLong(1, nowMs);
            List<PendingProof> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new PendingProof(r.getString("task_id"), r.getLong("epoch"), r.getString("model_name"),
                            r.getString("model_version"), r.getString("task_type"), r.getString("output_hash"),
                            r.getLong("execution_ms"), r.getString("backend"), r.getLong("flops"), r.getLong("deadline_ms"),
                            r.getBytes("proof_bytes"), r.getBytes("result_data"), r.getLong("attempts"),
                            r.getString("proof_layout")));
                }
            }
            return out;
        }
    }

    /** Counters of tasks fetched in [fromMs, toMs): detail rows plus aggregated days starting in the range. */
    static Totals totals(Connection c, LocalDate day, long fromMs, long toMs) throws SQLException {
        long[] detail = sums(c, "SELECT " + COUNTER_COLUMNS + " FROM tasks WHERE fetched_at >= ? AND fetched_at < ?", fromMs, toMs);
        long[] aggregated = sums(c, "SELECT " + AGGREGATE_COLUMNS + " FROM daily_aggregates WHERE day * " + DAY_MS
                + " >= ? AND day * " + DAY_MS + " < ?", fromMs, toMs);
        long[] t = new long[detail.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = detail[i] + aggregated[i];
        }
        return new Totals(day, new Counters(t[0], t[1], t[2], t[3], t[4], t[5]), t[6], t[7]);
    }

    static List<TimeBucket> history(Connection c, long fromMs, long toMs, long bucketMs) throws SQLException {
        int n = (int) ((toMs - fromMs + bucketMs - 1) / bucketMs);
        long[] accepted = new long[n];
        long[] rejected = new long[n];
        BigInteger[] score = new BigInteger[n];
        long[] scoreAt = new long[n];
        try (PreparedStatement p = c.prepareStatement("""
                SELECT (fetched_at - ?) / ? AS b, sum(accepted = 1), sum(accepted = 0) FROM tasks
                WHERE state = 'ANSWERED' AND fetched_at >= ? AND fetched_at < ? GROUP BY b""")) {
            bind(p, fromMs, bucketMs, fromMs, toMs);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    int b = r.getInt(1);
                    accepted[b] += r.getLong(2);
                    rejected[b] += r.getLong(3);
                }
            }
        }
        // SQLite returns the bare columns of the row holding max(at_ms) in each group
        try (PreparedStatement p = c.prepareStatement("""
                SELECT (at_ms - ?) / ? AS b, max(at_ms), inference_score FROM standings
                WHERE at_ms >= ? AND at_ms < ? GROUP BY b""")) {
            bind(p, fromMs, bucketMs, fromMs, toMs);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    keepLatest(score, scoreAt, r.getInt(1), r.getLong(2), r.getString(3));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                SELECT day * %d AS start, accepted, rejected, last_standing_at, last_inference_score FROM daily_aggregates
                WHERE day * %d >= ? AND day * %d < ?""".formatted(DAY_MS, DAY_MS, DAY_MS))) {
            bind(p, fromMs, toMs);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    int b = (int) ((r.getLong(1) - fromMs) / bucketMs);
                    accepted[b] += r.getLong(2);
                    rejected[b] += r.getLong(3);
                    if (r.getString(5) != null) {
                        keepLatest(score, scoreAt, b, r.getLong(4), r.getString(5));
                    }
                }
            }
        }
        List<TimeBucket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = fromMs + i * bucketMs;
            out.add(new TimeBucket(start, Math.min(start + bucketMs, toMs), accepted[i], rejected[i], score[i]));
        }
        return out;
    }

    static Optional<StandingRecord> lastStanding(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM standings ORDER BY at_ms DESC, id DESC LIMIT 1");
             ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new StandingRecord(r.getLong("at_ms"), new BigInteger(r.getString("inference_score")),
                    new BigInteger(r.getString("stake")), r.getLong("contribution_score"), r.getLong("tasks_completed"),
                    r.getInt("active") == 1, r.getInt("jailed") == 1));
        }
    }

    static List<EventRecord> events(Connection c, long sinceMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT at_ms, kind, detail FROM events WHERE at_ms >= ? ORDER BY at_ms, id")) {
            p.setLong(1, sinceMs);
            List<EventRecord> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new EventRecord(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
            return out;
        }
    }

    private static void keepLatest(BigInteger[] score, long[] scoreAt, int b, long at, String value) {
        if (score[b] == null || at >= scoreAt[b]) {
            score[b] = new BigInteger(value);
            scoreAt[b] = at;
        }
    }

    private static long[] sums(Connection c, String sql, long from, long to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, from, to);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                long[] out = new long[r.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = r.getLong(i + 1);
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement p, long... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setLong(i + 1, values[i]);
        }
    }

    private static JournalEntry entry(ResultSet r) throws SQLException {
        TaskRecord task = new TaskRecord(r.getString("task_id"), r.getLong("epoch"), r.getString("model_name"),
                r.getString("model_version"), r.getString("task_type"), r.getLong("input_size"), r.getLong("deadline_ms"),
                r.getLong("fetched_at"));
        TaskState state = TaskState.valueOf(r.getString("state"));
        Long accepted = nullableLong(r, "accepted");
        Long spot = nullableLong(r, "spot_checked");
        return new JournalEntry(task, state, r.getString("output_hash"), nullableLong(r, "execution_ms"),
                r.getString("backend"), nullableLong(r, "flops"), r.getBytes("proof_bytes"), r.getBytes("result_data"),
                r.getLong("attempts"), accepted == null ? null : accepted == 1, spot == null ? null : spot == 1,
                r.getString("node_message"), r.getString("failure_reason"), nullableLong(r, "settled_at"));
    }

    private static Long nullableLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }
}
