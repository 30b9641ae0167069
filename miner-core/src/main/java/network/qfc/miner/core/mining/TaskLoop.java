package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.inference.InferenceException;
import network.qfc.miner.core.inference.InferenceWorkers;
import network.qfc.miner.core.journal.JournalException;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskRecord;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.rpc.InferenceTask;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import network.qfc.miner.core.protocol.rpc.TaskRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mining loop, on its own thread ({@code qfc-mining-loop}): ask the gate, fetch a task, run it, sign the proof,
 * hand it to the {@link ProofSubmitter} (which journals it, write-ahead, then sends it); and fetch the next task (on
 * {@code qfc-task-fetch-N}, up to two ahead) while the current one is inferred. No task: wait 1 s growing to 10 s. Node unreachable: exponential back-off with jitter up to
 * 60 s, said in a {@code NodeUnreachable} event. Every wait ends at once on {@link #stop()}. Never spins.
 *
 * <p>{@code maxProofs} (0 = no limit): the loop stops fetching once answered plus in-flight proofs reach it.
 *
 * <p>The gate: a pause stops fetching (a {@code Paused} event with the reason, state {@code PAUSED}), but a task in
 * hand, and tasks already fetched ahead (unless jailed), are still run and submitted; a throttle waits its delay
 * before each fetch (a {@code Throttled} event, the reason in the state); back to run: a {@code Resumed} event. After
 * each task the gate hears how long it kept the miner busy ({@link MiningGate#taskDone}).
 */
public final class TaskLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLoop.class);
    private static final Duration PAUSED_RECHECK = Duration.ofMillis(500);
    /** Tasks asked for ahead: two hide a node round trip longer than one inference (measured on loopback). */
    static final int FETCH_AHEAD = 2;

    private final QfcRpcClient rpc;
    private final Address address;
    private final MinerProfile profile;
    private final ProofMaker maker;
    private final ProofJournal journal;
    private final ProofSubmitter submitter;
    private final Registrar registrar;
    private final MiningGate gate;
    private final NodeHealth health;
    private final MinerFeed feed;
    private final long maxProofs;
    private final StopSignal stop = new StopSignal();
    private final TaskTriage triage = new TaskTriage();
    private final NodeClock nodeClock;
    private final NoTaskBackoff noTask = new NoTaskBackoff();
    private final UnreachableBackoff unreachable = new UnreachableBackoff(() -> ThreadLocalRandom.current().nextDouble());
    private final ExecutorService fetcher;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;
    /** Fetches already asked for, oldest first: up to {@link #FETCH_AHEAD} while one task is being inferred. */
    private final Deque<Future<Optional<InferenceTask>>> ahead = new ArrayDeque<>();
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 4096;
        }
    });
    /** How often a hand-off to a full submitter queue looks again at the gate. */
    private static final Duration HAND_OFF_RECHECK = Duration.ofMillis(500);
    private String pausedFor;
    private String throttledFor;
    private final InferenceWorkers workers;
    private final int fetchAhead;
    /** Tasks on the workers, oldest first: their proofs go to the submitter in this order. */
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    private record InFlight(TaskRecord record, InferenceTask task, CompletableFuture<Timed> proof) {
    }

    private record Timed(SignedProof proof, long busyNanos) {
    }

    public TaskLoop(QfcRpcClient rpc, Address address, MinerProfile profile, ProofMaker maker, ProofJournal journal,
                    ProofSubmitter submitter, Registrar registrar, MiningGate gate, NodeHealth health, MinerFeed feed,
                    long maxProofs, NodeClock nodeClock) {
        this(rpc, address, profile, maker, journal, submitter, registrar, gate, health, feed, maxProofs, nodeClock, null);
    }

    /**
     * With {@code workers} (null: inference on the loop thread), up to two tasks per worker are on the workers at once
     * while the gate says run (one inferring and one queued behind it on each; one task while throttled); proofs still
     * reach the submitter in the order the tasks were fetched.
     */
    public TaskLoop(QfcRpcClient rpc, Address address, MinerProfile profile, ProofMaker maker, ProofJournal journal,
                    ProofSubmitter submitter, Registrar registrar, MiningGate gate, NodeHealth health, MinerFeed feed,
                    long maxProofs, NodeClock nodeClock, InferenceWorkers workers) {
        this.nodeClock = Objects.requireNonNull(nodeClock, "nodeClock");
        this.workers = workers;
        this.fetchAhead = workers == null ? FETCH_AHEAD : Math.max(FETCH_AHEAD, workers.workers() + 1);
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.address = Objects.requireNonNull(address, "address");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.maker = Objects.requireNonNull(maker, "maker");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.health = Objects.requireNonNull(health, "health");
        this.feed = Objects.requireNonNull(feed, "feed");
        if (maxProofs < 0) {
            throw new IllegalArgumentException("max proofs must not be negative");
        }
        this.maxProofs = maxProofs;
        AtomicInteger fetchThreads = new AtomicInteger();
        this.fetcher = Executors.newFixedThreadPool(fetchAhead, r -> {
            Thread t = new Thread(r, "qfc-task-fetch-" + fetchThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "qfc-mining-loop");
        this.thread.setDaemon(true);
    }

    /** Starts the loop; the future completes when it has stopped (normally after {@link #stop()}). */
    public CompletableFuture<Void> start() {
        thread.start();
        return done;
    }

    /** Asks the loop to stop after the task in hand is journaled; returns at once. */
    public void stop() {
        stop.raise();
    }

    /** Waits for the loop thread to end. */
    public boolean awaitStopped(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            while (!stop.isRaised()) {
                step();
            }
            drainInFlight();
            settlePrefetched();
            done.complete(null);
        } catch (RuntimeException | Error e) {
            LOG.error("the mining loop failed", e);
            done.completeExceptionally(e);
        } finally {
            fetcher.shutdownNow();
        }
    }

    private void step() {
        finishDone();
        registrar.registerIfWanted();
        String journalBlocked = submitter.journalBlocked(); // the disk is full: fetch nothing it cannot record
        GateDecision d = journalBlocked != null ? new GateDecision.Pause(journalBlocked) : gate.decide();
        if (d instanceof GateDecision.Pause p) {
            pause(p.reason()); // said at once: a jail must show while the tasks in hand are handed on
            drainInFlight(); // tasks in hand are run and submitted, as before
            if (!finishesFetched(p.reason())) {
                idle(PAUSED_RECHECK);
            } else {
                runFetched();
            }
            return;
        }
        resumeIfPaused();
        throttle(d instanceof GateDecision.Throttle t ? t.reason() : null);
        if (quotaReached()) {
            state(MinerState.RUNNING, "max proofs reached: waiting for the node's answers");
            idle(PAUSED_RECHECK);
            return;
        }
        if (d instanceof GateDecision.Throttle t && !idle(t.delay())) {
            return;
        }
        Optional<InferenceTask> task;
        try {
            task = nextTask();
        } catch (RpcException e) {
            if (e.isTransient()) {
                Duration wait = unreachable.nextDelay();
                state(MinerState.UNREACHABLE, "node unreachable, retrying in " + wait.toSeconds() + " s");
                health.unreachable(e.getMessage(), wait);
                idle(wait);
            } else {
                Duration wait = noTask.nextDelay();
                LOG.warn("the node's task answer was refused: {}", e.getMessage());
                feed.publish(new MinerEvent.Error(feed.now(), "could not get a task: " + e.getMessage(), false));
                idle(wait);
            }
            return;
        }
        unreachable.reset();
        if (task.isEmpty()) {
            Duration wait = noTask.nextDelay();
            working("waiting for a task (next ask in " + wait.toSeconds() + " s)");
            idle(wait);
            return;
        }
        noTask.reset();
        try {
            run(task.get());
        } catch (JournalException e) {
            LOG.error("could not journal task {}: {}", task.get().taskIdHex(), e.getMessage());
            feed.publish(new MinerEvent.Error(feed.now(), "could not journal task " + task.get().taskIdHex() + ": "
                    + e.getMessage(), false));
        }
    }

    /** Before any wait: the tasks on the workers are finished and handed on first, so no proof waits with the loop. */
    private boolean idle(Duration wait) {
        drainInFlight();
        return stop.sleep(wait);
    }

    /**
     * Whether a pause for {@code reason} still runs tasks fetched ahead: yes for the governor's pauses (the node handed
     * them out; they are run and submitted, not abandoned); no while jailed (they wait, and run once the node shows
     * the validator active again, as the proofs signed before the jail do).
     */
    private boolean finishesFetched(String reason) {
        return !ahead.isEmpty() && !reason.startsWith("jailed");
    }

    /** Paused with tasks already fetched: runs the next of them. */
    private void runFetched() {
        try {
            nextTask().ifPresent(this::run);
        } catch (RpcException e) {
            LOG.info("a task fetched before the pause did not arrive: {}", e.getMessage());
        }
    }

    private Optional<InferenceTask> nextTask() {
        Future<Optional<InferenceTask>> f = ahead.poll();
        if (f == null) {
            return fetch();
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.raise();
            return Optional.empty();
        }
    }

    private Optional<InferenceTask> fetch() {
        TaskRequest request = new TaskRequest(address, profile.tier(), profile.availableMemoryMb(), profile.backend());
        return health.call(() -> rpc.getInferenceTask(request));
    }

    private void run(InferenceTask task) {
        String id = task.taskIdHex();
        Instant now = feed.now();
        if (!seen.add(id)) {
            LOG.info("task {} was handed out again; it is already being handled", id);
            return;
        }
        if (journal.contains(id)) { // asked BEFORE inference: a task that will not be sent is never computed
            LOG.info("task {} is already in this network's journal: not computed nor sent again", id);
            return;
        }
        // the node's deadline on this computer's clock: a clock that is off must not drop (or keep) tasks wrongly
        long deadlineMs = nodeClock.toLocalMillis(task.deadlineMs());
        TaskRecord record = new TaskRecord(id, task.epoch(), task.model().name(), task.model().version(),
                task.taskType(), task.inputData().length, deadlineMs, now.toEpochMilli());
        working("computing task " + id.substring(0, 8));
        feed.update(s -> s.withCounters(s.counters().taskReceived()));
        feed.publish(new MinerEvent.TaskReceived(now, id, task.epoch(), task.model().toString(), task.taskType(),
                task.inputData().length, Instant.ofEpochMilli(deadlineMs)));
        if (!now.isBefore(Instant.ofEpochMilli(deadlineMs))) {
            if (journal.recordFetched(record)) {
                drop(id, "the task's deadline had passed when it arrived");
            }
            return;
        }
        Optional<String> notRun = triage.whyNotRun(task);
        if (notRun.isPresent()) {
            skip(record, task, notRun.get());
            return;
        }
        while (ahead.size() < fetchAhead && !stop.isRaised() && !quotaReached(1 + ahead.size())
                && submitter.journalBlocked() == null && gate.decide() instanceof GateDecision.Run) {
            ahead.add(fetcher.submit(this::fetch));
        }
        if (workers != null) {
            inFlight.add(new InFlight(record, task, workers.submit(() -> timedMake(task))));
            // two per worker while running: one inferring, one queued on it, so a worker that finishes (a short
            // input, or the younger task) starts the next at once instead of idling while the loop waits for the
            // oldest task and fetches, journals and dispatches the next (one per worker left them idle ~38 % of the
            // time: mining 0.49-0.69 of the engine's bench); one while throttled
            int limit = gate.decide() instanceof GateDecision.Run ? 2 * workers.workers() : 1;
            while (inFlight.size() >= limit) {
                if (limit > 1 && !(gate.decide() instanceof GateDecision.Run)) {
                    return; // a pause (a jail) or throttle began: the step says it before the tasks are handed on
                }
                finishOldest();
            }
            return;
        }
        CompletableFuture<Timed> done = new CompletableFuture<>();
        try {
            done.complete(timedMake(task));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        finish(new InFlight(record, task, done));
    }

    private Timed timedMake(InferenceTask task) {
        long busyFrom = System.nanoTime();
        SignedProof proof = maker.make(task);
        return new Timed(proof, System.nanoTime() - busyFrom);
    }

    /** Waits for the oldest task on the workers and hands its proof on. */
    private void finishOldest() {
        finish(inFlight.poll());
    }

    /** The oldest tasks on the workers that are already done, in order. */
    private void finishDone() {
        while (!inFlight.isEmpty() && inFlight.peek().proof().isDone()) {
            finishOldestReporting();
        }
    }

    /** Every task on the workers, in order (before a wait, a pause, a stop, or the end). */
    private void drainInFlight() {
        while (!inFlight.isEmpty()) {
            finishOldestReporting();
        }
    }

    /** {@link #finishOldest}, a journal failure reported as {@link #step} reports it. */
    private void finishOldestReporting() {
        InFlight f = inFlight.peek();
        try {
            finishOldest();
        } catch (JournalException e) {
            LOG.error("could not journal task {}: {}", f.task().taskIdHex(), e.getMessage());
            feed.publish(new MinerEvent.Error(feed.now(), "could not journal task " + f.task().taskIdHex() + ": "
                    + e.getMessage(), false));
        }
    }

    private void finish(InFlight f) {
        InferenceTask task = f.task();
        String id = task.taskIdHex();
        TaskRecord record = f.record();
        SignedProof proof;
        try {
            Timed t = f.proof().join();
            proof = t.proof();
            gate.taskDone(Duration.ofNanos(t.busyNanos()));
        } catch (CompletionException ce) {
            Throwable e = ce.getCause();
            if (!(e instanceof UnsupportedTaskException) && !(e instanceof InferenceException)) {
                throw e instanceof RuntimeException r ? r : ce;
            }
            if (journal.recordFetched(record)) {
                journal.markFailed(id, e.getMessage(), feed.now().toEpochMilli());
            }
            feed.publish(new MinerEvent.Error(feed.now(), "task " + id + " not run: " + e.getMessage(), false));
            return;
        }
        Instant inferred = feed.now();
        feed.update(s -> s.withLastInferenceMs(proof.executionTimeMs()).withModel(task.model().toString(),
                layerOf(task)));
        feed.publish(new MinerEvent.InferenceDone(inferred, id, task.model().toString(), proof.executionTimeMs(),
                proof.outputHashHex(), proof.backend()));
        // the submitter journals it (fetched, inferred, signed) before sending: the disk never holds up inference. While
        // it has no room (back-pressure: a jail holds its proofs until they expire) the state says why the loop waits,
        // not "computing"; a stop hands the proof on whatever it takes, so it is journaled
        boolean handedOn = false;
        while (!handedOn && !stop.isRaised()) {
            handedOn = submitter.offer(record, proof, inferred.toEpochMilli(), HAND_OFF_RECHECK);
            if (!handedOn && gate.decide() instanceof GateDecision.Pause p) {
                pause(p.reason());
            }
        }
        if (!handedOn) {
            submitter.enqueue(record, proof, inferred.toEpochMilli());
        }
    }

    private String layerOf(InferenceTask task) {
        return feed.snapshot().layer() == null ? "hot" : feed.snapshot().layer();
    }

    /** A task this miner cannot run: journaled SKIPPED with the reason, shown, never a failure, never a proof. */
    private void skip(TaskRecord record, InferenceTask task, String reason) {
        Instant at = feed.now();
        if (journal.recordSkipped(record, reason, at.toEpochMilli())) {
            LOG.info("task {} skipped: {}", record.taskId(), reason);
            feed.publish(new MinerEvent.TaskSkipped(at, record.taskId(), task.model().toString(), task.taskType(),
                    reason));
        }
    }

    private void drop(String id, String reason) {
        Instant at = feed.now();
        if (journal.markExpired(id, at.toEpochMilli())) {
            feed.update(s -> s.withCounters(s.counters().expiredOne()));
            feed.publish(new MinerEvent.ProofDropped(at, id, reason));
        }
    }

    private boolean quotaReached() {
        return quotaReached(0);
    }

    private boolean quotaReached(int extra) {
        return maxProofs > 0 && submitter.answered() + submitter.pending() + inFlight.size() + extra >= maxProofs;
    }

    /** Tasks fetched ahead but not run because the loop stopped: journaled, and marked failed (or expired). */
    private void settlePrefetched() {
        for (Future<Optional<InferenceTask>> f; (f = ahead.poll()) != null; ) {
            settle(f);
        }
    }

    private void settle(Future<Optional<InferenceTask>> f) {
        try {
            Optional<InferenceTask> t = f.get(10, TimeUnit.SECONDS);
            if (t.isPresent()) {
                InferenceTask task = t.get();
                String id = task.taskIdHex();
                long now = feed.now().toEpochMilli();
                long deadlineMs = nodeClock.toLocalMillis(task.deadlineMs());
                TaskRecord record = new TaskRecord(id, task.epoch(), task.model().name(), task.model().version(),
                        task.taskType(), task.inputData().length, deadlineMs, now);
                Optional<String> notRun = triage.whyNotRun(task);
                if (notRun.isPresent()) {
                    journal.recordSkipped(record, notRun.get(), now);
                } else if (journal.recordFetched(record)) {
                    if (now >= deadlineMs) {
                        journal.markExpired(id, now);
                    } else {
                        journal.markFailed(id, "the miner stopped before running it", now);
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("the last prefetch did not complete: {}", e.toString());
        }
    }

    private void pause(String reason) {
        MinerState s = reason.startsWith("jailed") ? MinerState.JAILED : MinerState.PAUSED;
        String shown = finishesFetched(reason)
                ? reason + "; finishing " + ahead.size() + " task(s) already fetched" : reason;
        MinerSnapshot now = feed.snapshot();
        if (reason.equals(pausedFor) && now.state() == s && now.stateReason().equals(shown)) {
            return;
        }
        state(s, shown);
        if (pausedFor == null || !sameKind(pausedFor, reason)) {
            feed.publish(new MinerEvent.Paused(feed.now(), reason));
        }
        pausedFor = reason;
        throttledFor = null;
    }

    /** Throttled for {@code reason}, or not throttled when it is null. */
    private void throttle(String reason) {
        if (reason == null) {
            if (throttledFor != null) {
                throttledFor = null;
                state(MinerState.RUNNING, "running");
                feed.publish(new MinerEvent.Resumed(feed.now()));
            }
            return;
        }
        if (reason.equals(throttledFor)) {
            return;
        }
        boolean news = throttledFor == null || !sameKind(throttledFor, reason);
        throttledFor = reason;
        state(MinerState.RUNNING, reason);
        if (news) {
            feed.publish(new MinerEvent.Throttled(feed.now(), reason));
        }
    }

    /**
     * Whether two reasons say the same thing but for the figures: the jail countdown changes every minute, the load
     * rule's "other programs use 63% of the CPU" every reading; neither is news.
     */
    static boolean sameKind(String a, String b) {
        if (a.startsWith("jailed") && b.startsWith("jailed")) {
            return true;
        }
        return a.replaceAll("\\d+", "#").equals(b.replaceAll("\\d+", "#"));
    }

    private void resumeIfPaused() {
        if (pausedFor != null) {
            pausedFor = null;
            state(MinerState.RUNNING, "running");
            feed.publish(new MinerEvent.Resumed(feed.now()));
        }
    }

    /** The state while working: the pause or throttle in force stays visible beside what the loop does. */
    private void working(String what) {
        if (pausedFor != null) {
            state(pausedFor.startsWith("jailed") ? MinerState.JAILED : MinerState.PAUSED,
                    pausedFor + "; finishing a task already fetched (" + what + ")");
        } else if (throttledFor != null) {
            state(MinerState.RUNNING, what + "; " + throttledFor);
        } else {
            state(MinerState.RUNNING, what);
        }
    }

    private void state(MinerState s, String reason) {
        feed.update(x -> x.withState(s, reason));
    }
}
