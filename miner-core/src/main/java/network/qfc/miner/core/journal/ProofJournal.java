package network.qfc.miner.core.journal;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The miner's proof journal: a SQLite database recording every task and proof as a write-ahead state machine, so a
 * crash at any moment loses no proof and never submits one twice, plus standing snapshots and miner events for the
 * dashboard's history and charts.
 *
 * <p>Per task (keyed by its 64-hex id): {@code recordFetched} → {@code recordInferred} → {@code recordSigned} →
 * {@code beginSubmitAttempt} (committed BEFORE each send) → {@code recordAnswer}; or {@code markExpired} /
 * {@code markFailed}. Every call is one transaction, committed to disk ({@code synchronous=FULL}, WAL) before it
 * returns. After a restart, {@link #unsentOrUnanswered(long)} lists the proofs to resend with their journaled bytes;
 * the node rejects a duplicate, and an answered task is never handed out again.
 *
 * <p>The journal holds task metadata, proof bytes, output vectors, the node's answers, public standing figures and
 * events: public data only, never a key or password. The file is owner-only on POSIX all the same.
 *
 * <p>Thread-safe: one connection, calls serialized. Every failure is a {@link JournalException} whose write was
 * rolled back. Growth is bounded by {@link #compact(long)}: 30 days of detail, daily aggregates forever.
 */
public final class ProofJournal implements AutoCloseable {
    private final JournalDatabase db;
    private final Clock clock;

    private ProofJournal(JournalDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Opens (creating folders, file and schema as needed, upgrading an older schema) the journal at {@code dbFile}. */
    public static ProofJournal open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /** Like {@link #open(Path)}, with the clock that stamps the steps whose time is not given (signing, send attempts). */
    public static ProofJournal open(Path dbFile, Clock clock) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(clock, "clock");
        return new ProofJournal(JournalDatabase.open(dbFile), clock);
    }

    /** The database file. */
    public Path file() {
        return db.file();
    }

    // ---- the network ----

    /** The network this journal belongs to; empty for a journal written before networks were told apart. */
    public Optional<JournalNetwork> network() {
        return db.read("reading its network", JournalNetwork::read);
    }

    /**
     * Makes this journal the one of {@code identity} (kept from the first call on); refuses, with a {@link
     * JournalException}, a journal that belongs to another network, so no proof is ever sent to another one.
     */
    public JournalNetwork claim(NetworkIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        long now = clock.millis();
        return db.write("recording its network", c -> JournalNetwork.claim(c, identity, now, db.file().toString()));
    }

    /** Whether the journal has the task already (asked BEFORE running it: a known task is never computed again). */
    public boolean contains(String taskId) {
        String id = TaskIds.normalize(taskId);
        return db.read("looking up task " + id, c -> JournalQueries.contains(c, id));
    }

    // ---- the state machine ----

    /** Records a task the node handed out (FETCHED). Returns false, changing nothing, if the task is already known. */
    public boolean recordFetched(TaskRecord task) {
        Objects.requireNonNull(task, "task");
        return db.write("recording task " + task.taskId(), c -> TaskTransitions.fetched(c, task));
    }

    /** Records the inference result of a FETCHED task (INFERRED). Recording the same output hash again is a no-op. */
    public void recordInferred(String taskId, String outputHash, long executionMs, String backend, long flops, long atMs) {
        String id = TaskIds.normalize(taskId);
        String hash = TaskIds.hex32("output hash", outputHash);
        Objects.requireNonNull(backend, "backend");
        if (executionMs < 0 || flops < 0) {
            throw new IllegalArgumentException("executionMs and flops must not be negative");
        }
        db.write("recording the inference of task " + id, c -> {
            TaskTransitions.inferred(c, id, hash, executionMs, backend, flops, atMs);
            return null;
        });
    }

    /**
     * Records the signed proof of an INFERRED task (SIGNED), with the output bytes sent beside it ({@code resultData},
     * may be null). Once this returns, the proof survives any crash and will be resent as is. Recording the same bytes
     * again is a no-op; different bytes for a signed task are refused.
     */
    public void recordSigned(String taskId, byte[] proofBytes, byte[] resultData) {
        String id = TaskIds.normalize(taskId);
        if (proofBytes == null || proofBytes.length == 0) {
            throw new IllegalArgumentException("proofBytes are missing for task " + id);
        }
        byte[] proof = proofBytes.clone();
        byte[] result = resultData == null ? null : resultData.clone();
        long now = clock.millis();
        db.write("recording the proof of task " + id, c -> {
            TaskTransitions.signed(c, id, proof, result, now);
            return null;
        });
    }

    /**
     * Records tasks, their inference results and their signed proofs (FETCHED, INFERRED, SIGNED) in ONE transaction,
     * so one disk sync covers them all: the same write-ahead guarantee as {@link #recordFetched}, {@link
     * #recordInferred} and {@link #recordSigned} called in turn (once this returns, every proof survives any crash and
     * will be resent as is), for a fraction of the syncs. Returns, per task in order, whether it was recorded now;
     * false for a task the journal already had, which is left as it was and must not be sent again. All or nothing:
     * on a {@link JournalException} none of them was recorded.
     */
    public List<Boolean> recordSignedTasks(List<SignedTask> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        if (tasks.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        String what = tasks.size() == 1 ? "task " + tasks.get(0).task().taskId() : tasks.size() + " tasks";
        return db.write("recording the proof of " + what, c -> {
            java.util.ArrayList<Boolean> out = new java.util.ArrayList<>(tasks.size());
            for (SignedTask t : tasks) {
                String id = t.task().taskId();
                boolean fresh = TaskTransitions.fetched(c, t.task());
                if (fresh) {
                    TaskTransitions.inferred(c, id, t.outputHash(), t.executionMs(), t.backend(), t.flops(), t.inferredAtMs());
                    TaskTransitions.signed(c, id, t.proofBytes(), t.resultData(), now);
                    NodeGenerationRecords.layout(c, id, t.layout());
                }
                out.add(fresh);
            }
            return List.copyOf(out);
        });
    }

    /**
     * Marks FAILED, with {@code reason}, every task left FETCHED or INFERRED (no proof: it can never be sent), e.g. by
     * a run killed between its steps; call at start before any task is fetched. Returns how many.
     */
    public int failUnsigned(String reason, long atMs) {
        return db.write("settling tasks left without a proof", c -> TaskTransitions.failUnsigned(c, reason, atMs));
    }

    /**
     * Counts a send of a SIGNED or SUBMITTING task (SUBMITTING) and returns the attempt number (1 for the first).
     * Call it BEFORE sending: if the miner dies during the send, the journal knows the proof may have reached the
     * node. Refused for an answered task, which must never be sent again.
     */
    public long beginSubmitAttempt(String taskId) {
        String id = TaskIds.normalize(taskId);
        long now = clock.millis();
        return db.write("counting a submission of task " + id, c -> TaskTransitions.beginAttempt(c, id, now));
    }

    /**
     * Records the node's answer (ANSWERED). Idempotent: the first answer is final; a later one is ignored and this
     * returns false. A late answer to a proof that was sent and then marked expired is still recorded.
     */
    public boolean recordAnswer(String taskId, boolean accepted, boolean spotChecked, String message, long atMs) {
        String id = TaskIds.normalize(taskId);
        return db.write("recording the node's answer for task " + id,
                c -> TaskTransitions.answered(c, id, accepted, spotChecked, message, atMs));
    }

    /** Marks an unanswered task EXPIRED (its deadline passed). Returns false if it was already settled. */
    public boolean markExpired(String taskId, long atMs) {
        String id = TaskIds.normalize(taskId);
        return db.write("marking task " + id + " expired", c -> TaskTransitions.expired(c, id, atMs));
    }

    /** Marks an unanswered task FAILED with a reason (e.g. the inference error). Returns false if already settled. */
    public boolean markFailed(String taskId, String reason, long atMs) {
        String id = TaskIds.normalize(taskId);
        return db.write("marking task " + id + " failed", c -> TaskTransitions.failed(c, id, reason, atMs));
    }

    /**
     * Records a task this miner cannot run (FETCHED, then SKIPPED with {@code reason}, in one transaction): never a
     * failure, never a proof. Returns false, changing nothing, when the task was already journaled.
     */
    public boolean recordSkipped(TaskRecord task, String reason, long atMs) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(reason, "reason");
        return db.write("recording skipped task " + task.taskId(),
                c -> NodeGenerationRecords.skipped(c, task, reason, atMs));
    }

    /** Records the proof layout ({@code A}, {@code B} or {@code C}) the journaled bytes of a task were encoded in. */
    public void recordProofLayout(String taskId, String layout) {
        String id = TaskIds.normalize(taskId);
        Objects.requireNonNull(layout, "layout");
        db.write("recording the proof layout of task " + id, c -> {
            NodeGenerationRecords.layout(c, id, layout);
            return null;
        });
    }

    /**
     * Replaces the journaled proof of a task the node has not answered with {@code proofBytes} (re-encoded in another
     * layout, or re-stamped and re-signed): committed BEFORE those bytes are sent, so the journal always holds what
     * went out last. Refused (ILLEGAL_TRANSITION) once the task is answered.
     */
    public void recordResigned(String taskId, byte[] proofBytes, String layout) {
        String id = TaskIds.normalize(taskId);
        if (proofBytes == null || proofBytes.length == 0) {
            throw new IllegalArgumentException("proofBytes are missing for task " + id);
        }
        byte[] proof = proofBytes.clone();
        long now = clock.millis();
        db.write("recording the re-signed proof of task " + id, c -> {
            NodeGenerationRecords.resigned(c, id, proof, layout, now);
            return null;
        });
    }

    /** The layout the task's journaled proof is in; empty for an unknown task or a row written before layouts. */
    public Optional<String> proofLayout(String taskId) {
        String id = TaskIds.normalize(taskId);
        return db.read("reading the proof layout of task " + id, c -> NodeGenerationRecords.proofLayout(c, id));
    }

    /** Remembers the proof layout {@code endpoint} accepts (negotiated once; a restart does not ask again). */
    public void rememberNodeLayout(String endpoint, String layout) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(layout, "layout");
        long now = clock.millis();
        db.write("remembering the proof layout of " + endpoint, c -> {
            NodeGenerationRecords.rememberNodeLayout(c, endpoint, layout, now);
            return null;
        });
    }

    /** The proof layout {@code endpoint} accepted last, if negotiated before. */
    public Optional<String> nodeLayout(String endpoint) {
        return db.read("reading the proof layout of " + endpoint, c -> NodeGenerationRecords.nodeLayout(c, endpoint));
    }

    /** Forgets what {@code endpoint} accepted (its node was upgraded or replaced: negotiate again). */
    public void forgetNodeLayout(String endpoint) {
        db.write("forgetting the proof layout of " + endpoint, c -> {
            NodeGenerationRecords.forgetNodeLayout(c, endpoint);
            return null;
        });
    }

    /** Marks every unsettled task whose deadline is at or before {@code nowMs} EXPIRED; returns how many. */
    public int expireOverdue(long nowMs) {
        return db.write("expiring overdue tasks", c -> TaskTransitions.expireOverdue(c, nowMs));
    }

    /** Signed proofs not answered yet (SIGNED or SUBMITTING) whose deadline is after {@code nowMs}: to resend as is. */
    public List<PendingProof> unsentOrUnanswered(long nowMs) {
        return db.read("listing pending proofs", c -> JournalQueries.pending(c, nowMs));
    }

    /** True once the node answered the task. */
    public boolean isAnswered(String taskId) {
        return find(taskId).map(JournalEntry::isAnswered).orElse(false);
    }

    /** The task's row, if the journal has it (detail rows are kept 30 days). */
    public Optional<JournalEntry> find(String taskId) {
        String id = TaskIds.normalize(taskId);
        return db.read("reading task " + id, c -> JournalQueries.find(c, id));
    }

    /** The newest {@code limit} tasks, newest first (the proof feed). */
    public List<JournalEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read("reading recent tasks", c -> JournalQueries.recent(c, limit));
    }

    // ---- reports ----

    /**
     * The fates of the tasks fetched since {@code sinceMs}. Days older than 30 days count whole if they start at or
     * after {@code sinceMs} (their detail is gone).
     */
    public Counters counters(long sinceMs) {
        return db.read("counting tasks", c -> JournalQueries.totals(c, null, sinceMs, Long.MAX_VALUE / 2).counters());
    }

    /** One UTC day's totals, from detail rows or the daily aggregates. */
    public Totals totalsForDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return db.read("reading the totals of " + day, c -> JournalQueries.totals(c, day, start, start + JournalQueries.DAY_MS));
    }

    /**
     * Chart buckets over [{@code fromMs}, {@code toMs}): accepted and rejected proofs (by fetch time) and the last
     * inference score of each bucket. Days already aggregated fall into the bucket holding their UTC midnight.
     */
    public List<TimeBucket> history(long fromMs, long toMs, Duration bucket) {
        Objects.requireNonNull(bucket, "bucket");
        long b = bucket.toMillis();
        if (b <= 0 || toMs <= fromMs) {
            throw new IllegalArgumentException("history needs fromMs < toMs and a positive bucket");
        }
        if ((toMs - fromMs) / b >= JournalQueries.MAX_BUCKETS) {
            throw new IllegalArgumentException("too many buckets (over " + JournalQueries.MAX_BUCKETS + "): use a larger bucket");
        }
        return db.read("reading history", c -> JournalQueries.history(c, fromMs, toMs, b));
    }

    // ---- standing and events ----

    /** Keeps a standing snapshot. */
    public void recordStanding(StandingRecord standing) {
        Objects.requireNonNull(standing, "standing");
        db.write("recording a standing snapshot", c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO standings (at_ms, inference_score, stake, contribution_score, tasks_completed, active, jailed)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                p.setLong(1, standing.atMs());
                p.setString(2, standing.inferenceScore().toString());
                p.setString(3, standing.stake().toString());
                p.setLong(4, standing.contributionScore());
                p.setLong(5, standing.tasksCompleted());
                p.setInt(6, standing.active() ? 1 : 0);
                p.setInt(7, standing.jailed() ? 1 : 0);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The newest standing snapshot (the newest is kept through compaction). */
    public Optional<StandingRecord> lastStanding() {
        return db.read("reading the last standing", JournalQueries::lastStanding);
    }

    /** Keeps a miner event (paused, resumed, jailed, ...). Never pass a secret in {@code detail}. */
    public void recordEvent(String kind, String detail, long atMs) {
        EventRecord e = new EventRecord(atMs, kind, detail);
        db.write("recording an event", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO events (at_ms, kind, detail) VALUES (?, ?, ?)")) {
                p.setLong(1, e.atMs());
                p.setString(2, e.kind());
                p.setString(3, e.detail());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Events at or after {@code sinceMs}, oldest first (events are kept 30 days). */
    public List<EventRecord> events(long sinceMs) {
        return db.read("reading events", c -> JournalQueries.events(c, sinceMs));
    }

    // ---- growth ----

    /**
     * Rolls detail older than 30 days (whole UTC days) into the daily aggregates and deletes it; drops the proof
     * bytes of tasks settled over two days ago; then returns freed pages to the disk. Returns the task rows rolled up.
     */
    public int compact(long nowMs) {
        int rolled = db.write("compacting", c -> DetailCompactor.compact(c, nowMs));
        db.executeOutsideTransaction("returning free space to the disk", "PRAGMA incremental_vacuum");
        db.executeOutsideTransaction("checkpointing", "PRAGMA wal_checkpoint(TRUNCATE)");
        return rolled;
    }

    /** Caps the database at {@code pages} pages for this connection, so SQLite answers SQLITE_FULL (tests). */
    void limitPages(long pages) {
        db.executeOutsideTransaction("limiting its size", "PRAGMA max_page_count = " + pages);
    }

    @Override
    public void close() {
        db.close();
    }
}
