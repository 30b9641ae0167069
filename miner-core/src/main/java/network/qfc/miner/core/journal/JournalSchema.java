package network.qfc.miner.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's tables and their migrations. Migration {@code n} (1-based) brings the schema from version
 * {@code n-1} to {@code n}; each runs in its own transaction and records itself in {@code schema_version}. Add new
 * migrations at the end; never edit a released one.
 *
 * <p>What is stored: task metadata, output hashes, timings, the signed proof bytes and the output vector (both
 * public: they are sent to the node), the node's answers, public standing figures and miner events. No secret is
 * ever stored here.
 */
final class JournalSchema {
    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE tasks (
                      task_id        TEXT PRIMARY KEY CHECK (length(task_id) = 64),
                      state          TEXT NOT NULL,
                      epoch          INTEGER NOT NULL,
                      model_name     TEXT NOT NULL,
                      model_version  TEXT NOT NULL,
                      task_type      TEXT NOT NULL,
                      input_size     INTEGER NOT NULL,
                      deadline_ms    INTEGER NOT NULL,
                      fetched_at     INTEGER NOT NULL,
                      output_hash    TEXT,
                      execution_ms   INTEGER,
                      backend        TEXT,
                      flops          INTEGER,
                      inferred_at    INTEGER,
                      proof_bytes    BLOB,
                      result_data    BLOB,
                      signed_at      INTEGER,
                      attempts       INTEGER NOT NULL DEFAULT 0,
                      last_attempt_at INTEGER,
                      accepted       INTEGER,
                      spot_checked   INTEGER,
                      node_message   TEXT,
                      failure_reason TEXT,
                      settled_at     INTEGER
                    )""",
                    "CREATE INDEX tasks_by_fetched ON tasks (fetched_at)",
                    "CREATE INDEX tasks_by_state ON tasks (state, deadline_ms)",
                    """
                    CREATE TABLE events (
                      id     INTEGER PRIMARY KEY AUTOINCREMENT,
                      at_ms  INTEGER NOT NULL,
                      kind   TEXT NOT NULL,
                      detail TEXT NOT NULL
                    )""",
                    "CREATE INDEX events_by_time ON events (at_ms)",
                    """
                    CREATE TABLE standings (
                      id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                      at_ms              INTEGER NOT NULL,
                      inference_score    TEXT NOT NULL,
                      stake              TEXT NOT NULL,
                      contribution_score INTEGER NOT NULL,
                      tasks_completed    INTEGER NOT NULL,
                      active             INTEGER NOT NULL,
                      jailed             INTEGER NOT NULL
                    )""",
                    "CREATE INDEX standings_by_time ON standings (at_ms)",
                    """
                    CREATE TABLE daily_aggregates (
                      day                  INTEGER PRIMARY KEY,
                      tasks                INTEGER NOT NULL DEFAULT 0,
                      accepted             INTEGER NOT NULL DEFAULT 0,
                      spot_checked         INTEGER NOT NULL DEFAULT 0,
                      rejected             INTEGER NOT NULL DEFAULT 0,
                      expired              INTEGER NOT NULL DEFAULT 0,
                      failed               INTEGER NOT NULL DEFAULT 0,
                      execution_ms_total   INTEGER NOT NULL DEFAULT 0,
                      flops_total          INTEGER NOT NULL DEFAULT 0,
                      last_standing_at     INTEGER,
                      last_inference_score TEXT,
                      last_stake           TEXT
                    )"""),
            // 2: the network this journal belongs to (one row; none in a journal written before networks were told
            // apart, whose proofs are never resent anywhere)
            List.of(
                    """
                    CREATE TABLE network (
                      only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
                      key         TEXT NOT NULL,
                      chain_id    INTEGER NOT NULL,
                      genesis_ms  INTEGER NOT NULL,
                      endpoint    TEXT NOT NULL,
                      chosen_at   INTEGER NOT NULL
                    )"""),
            // 3: node generations (issue 14): the proof layout each journaled proof was encoded in (A, B or C; NULL for
            // rows written before, all layout A), and the layout each node answered to, so a restart does not
            // negotiate again; a task the miner cannot run is SKIPPED (state text, no schema change)
            List.of(
                    "ALTER TABLE tasks ADD COLUMN proof_layout TEXT",
                    """
                    CREATE TABLE node_layouts (
                      endpoint    TEXT PRIMARY KEY,
                      layout      TEXT NOT NULL,
                      decided_at  INTEGER NOT NULL
                    )"""));

    /** The schema version this build writes. */
    static final int CURRENT = MIGRATIONS.size();

    private JournalSchema() {
    }

    static void migrate(JournalDatabase db) {
        int version = db.write("creating its schema", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
            }
            return currentVersion(c);
        });
        if (version > CURRENT) {
            throw new JournalException(JournalException.Reason.NEWER_SCHEMA,
                    "the proof journal " + db.file() + " was written by a newer version of the app (schema " + version
                            + ", this version knows " + CURRENT + "): update the app, or move the journal aside");
        }
        for (int next = version + 1; next <= CURRENT; next++) {
            int target = next;
            db.write("upgrading its schema to version " + target, c -> {
                if (currentVersion(c) >= target) {
                    return null; // another process migrated meanwhile
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(target - 1)) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    p.setInt(1, target);
                    p.setLong(2, System.currentTimeMillis());
                    p.executeUpdate();
                }
                return null;
            });
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
