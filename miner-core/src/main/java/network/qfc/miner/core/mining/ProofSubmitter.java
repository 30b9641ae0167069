package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.journal.JournalException;
import network.qfc.miner.core.journal.PendingProof;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.SignedTask;
import network.qfc.miner.core.journal.TaskRecord;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.rpc.ProofResult;
import network.qfc.miner.core.protocol.rpc.ProofSubmission;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals and sends proofs on two threads of its own ({@code qfc-proof-submit-1/2}: one sends while the other
 * waits for the disk; a thread takes every proof waiting in the queue and journals them in one transaction, so one
 * disk sync covers several proofs when they come faster than the disk):
 * <ul>
 *   <li>each send is counted in the journal BEFORE it goes out, and always carries the journaled bytes;</li>
 *   <li>a transient failure is retried with the same bytes until the task's deadline ({@link SubmitRetryPolicy});</li>
 *   <li>the node's answer (a result, or a JSON-RPC refusal) is final: the proof is never sent again; except
 *   "unknown validator" (the node restarted: register again, then the same bytes again) and an answer that cannot be
 *   read (garbage, cut, too large, wrong shape: as a lost answer, the same bytes again);</li>
 *   <li>retries stop once the node's epoch (qfc_getEpoch) is past the proof's epoch + 1 (it would refuse it);</li>
 *   <li>a proof whose deadline passed is journaled EXPIRED and not sent;</li>
 *   <li>while the validator is jailed, proofs wait (the node would refuse them) until it is free or they expire;</li>
 *   <li>{@link #resendJournaled()} queues what an earlier run signed but never got answered.</li>
 * </ul>
 * Lifecycle: {@link #start()}, then {@link #close(Duration)} sends what it can within the grace and leaves the rest
 * in the journal for the next start.
 */
public final class ProofSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(ProofSubmitter.class);
    private static final int QUEUE = 4;
    private static final Duration HOLD_RECHECK = Duration.ofMillis(200);
    /** The node's epoch length (v2.0: 10 s). */
    private static final Duration EPOCH = Duration.ofSeconds(10);
    /**
     * New versions of one proof (two layout steps, C to B to A, and two new stamps for time or epoch) before a refusal
     * is taken as final.
     */
    private static final int MAX_REISSUES = 4;
    /** What a proof the node already had (its first answer was lost) is recorded and shown with. */
    public static final String LOST_ANSWER = "accepted: the node already had it; its first answer was lost";

    /** A proof to send: fresh from the loop (not journaled yet), or signed by an earlier run (journaled). */
    private sealed interface Outgoing {
        PendingProof pending();
    }

    private record Fresh(TaskRecord task, SignedProof proof, long inferredAtMs) implements Outgoing {
        SignedTask signedTask() {
            return new SignedTask(task, proof.outputHashHex(), proof.executionTimeMs(), proof.backend(), proof.flops(),
                    inferredAtMs, proof.proofBytes(), proof.resultData(), proof.proof().layout().name());
        }

        public PendingProof pending() {
            return new PendingProof(task.taskId(), task.epoch(), task.modelName(), task.modelVersion(), task.taskType(),
                    proof.outputHashHex(), proof.executionTimeMs(), proof.backend(), proof.flops(), task.deadlineMs(),
                    proof.proofBytes(), proof.resultData(), 0, proof.proof().layout().name());
        }
    }

    private record Resend(PendingProof pending) implements Outgoing {
    }

    /** Told of every answer from the node (on the submitter thread). */
    @FunctionalInterface
    public interface AnswerListener {
        void onAnswer(String taskId, boolean accepted, boolean spotChecked, String message, Instant at);
    }

    private final QfcRpcClient rpc;
    private final ProofJournal journal;
    private final SubmitRetryPolicy policy;
    private final NodeHealth health;
    private final MinerFeed feed;
    private final AnswerListener listener;
    private final BooleanSupplier hold;
    private final Registrar registrar;
    private final ProofReissuer reissuer;
    private final LayoutNegotiator layouts;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(QUEUE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final StopSignal giveUp = new StopSignal();
    private final Object sendLock = new Object();
    private final List<Thread> threads;
    private volatile boolean closing;
    /** Journal writes that wait out a full disk (mining pauses meanwhile). */
    private final DurableWrites writes = new DurableWrites(giveUp);

    /**
     * @param hold while true (the validator is jailed: the node refuses every proof), proofs wait instead of being
     *             sent to a certain refusal; those whose deadline passes meanwhile are dropped as expired
     * @param registrar registers again when the node answers "unknown validator" (it restarted): the same proof is
     *                  then sent again
     * @param reissuer  re-stamps and re-signs a proof the node refused for its time or epoch, or that became too old
     *                  for a C node's time rule before a resend (the new bytes are journaled before they go)
     * @param layouts   the node's proof layout: a proof it cannot decode is re-encoded in the next layout (C, B, A)
     */
    public ProofSubmitter(QfcRpcClient rpc, ProofJournal journal, SubmitRetryPolicy policy, NodeHealth health,
                          MinerFeed feed, AnswerListener listener, BooleanSupplier hold, Registrar registrar,
                          ProofReissuer reissuer, LayoutNegotiator layouts) {
        this.reissuer = Objects.requireNonNull(reissuer, "reissuer");
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.health = Objects.requireNonNull(health, "health");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.threads = List.of(new Thread(this::run, "qfc-proof-submit-1"), new Thread(this::run, "qfc-proof-submit-2"));
        threads.forEach(t -> t.setDaemon(true));
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** Queues every proof an earlier run signed and the node never answered, expiring those whose deadline passed. */
    public int resendJournaled() {
        long now = feed.now().toEpochMilli();
        int expired = journal.expireOverdue(now);
        if (expired > 0) {
            LOG.info("{} journaled task(s) expired while the miner was stopped", expired);
        }
        int unsigned = journal.failUnsigned("the miner stopped before signing its proof: never sent", now);
        if (unsigned > 0) {
            LOG.info("{} journaled task(s) had no proof (the miner stopped before signing): marked failed", unsigned);
        }
        List<PendingProof> pending = journal.unsentOrUnanswered(now);
        for (PendingProof p : pending) {
            put(new Resend(p));
        }
        return pending.size();
    }

    /**
     * Queues a fresh proof; this thread journals it (fetched, inferred, signed: write-ahead, before any send) and
     * sends it, so the loop never waits for the disk. Blocks while {@value #QUEUE} proofs are already waiting
     * (back-pressure). On {@link #close(Duration)} every queued proof is journaled, sent or not.
     */
    public void enqueue(TaskRecord task, SignedProof proof, long inferredAtMs) {
        put(new Fresh(Objects.requireNonNull(task, "task"), Objects.requireNonNull(proof, "proof"), inferredAtMs));
    }

    private void put(Outgoing p) {
        inFlight.incrementAndGet();
        publishPending();
        try {
            queue.put(p);
        } catch (InterruptedException e) {
            inFlight.decrementAndGet();
            Thread.currentThread().interrupt();
        }
    }

    /** Proofs queued or being sent. */
    public int pending() {
        return inFlight.get();
    }

    /**
     * Why proofs cannot be journaled now (the disk is full, the journal read-only: the journal's message), or null.
     * Mining should pause meanwhile (the loop does); the proofs in hand are kept in memory and their journal write is
     * tried again every 2 s: the first that succeeds clears this.
     */
    public String journalBlocked() {
        return writes.blocked();
    }

    /** Proofs the node answered since start. */
    public long answered() {
        return answered.get();
    }

    private void run() {
        List<Outgoing> batch = new ArrayList<>(QUEUE);
        while (true) {
            Outgoing first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            // what else is waiting is journaled with it: one transaction, one disk sync for them all
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, QUEUE - 1);
            List<Boolean> sendable;
            try {
                sendable = journalFresh(batch);
            } catch (JournalException e) {
                for (Outgoing o : batch) {
                    LOG.error("journal failure while submitting task {}: {}", o.pending().taskId(), e.getMessage());
                    feed.publish(new MinerEvent.Error(feed.now(), "could not journal the proof of task "
                            + o.pending().taskId() + ": " + e.getMessage(), false));
                    settled();
                }
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                PendingProof p = batch.get(i).pending();
                try {
                    if (sendable.get(i) && !giveUp.isRaised()) {
                        send(p);
                    }
                } catch (JournalException e) {
                    LOG.error("journal failure while submitting task {}: {}", p.taskId(), e.getMessage());
                    feed.publish(new MinerEvent.Error(feed.now(), "could not journal the proof of task " + p.taskId()
                            + ": " + e.getMessage(), false));
                } catch (RuntimeException e) {
                    LOG.error("unexpected failure submitting task {}", p.taskId(), e);
                    feed.publish(new MinerEvent.Error(feed.now(), "could not submit task " + p.taskId() + ": " + e, false));
                } finally {
                    settled();
                }
            }
        }
    }

    private void settled() {
        inFlight.decrementAndGet();
        publishPending();
    }

    /**
     * Journals the fresh proofs among {@code batch} (write-ahead: fetched, inferred and signed, in one transaction)
     * and says, per item, whether it may be sent: false for a fresh proof whose task the journal already had (never
     * sent twice); a resend was journaled by an earlier run.
     */
    private List<Boolean> journalFresh(List<Outgoing> batch) {
        List<SignedTask> fresh = new ArrayList<>(batch.size());
        for (Outgoing o : batch) {
            if (o instanceof Fresh f) {
                fresh.add(f.signedTask());
            }
        }
        // one transaction for the batch (fetched, inferred, signed): a kill leaves nothing or proofs to resend, never a
        // task without its proof; while the disk is full it is retried (mining pauses meanwhile)
        List<Boolean> recorded = durably(() -> journal.recordSignedTasks(fresh));
        List<Boolean> out = new ArrayList<>(batch.size());
        int j = 0;
        for (Outgoing o : batch) {
            if (o instanceof Fresh) {
                boolean r = recorded.get(j++);
                if (!r) {
                    LOG.info("task {} is already in the journal; not sent again", o.pending().taskId());
                }
                out.add(r);
            } else {
                out.add(true);
            }
        }
        return out;
    }

    private void send(PendingProof p) {
        Instant deadline = Instant.ofEpochMilli(p.deadlineMs());
        if (policy.beforeFirst(feed.now(), deadline) instanceof SubmitRetryPolicy.Step.Expired e) {
            expire(p, e.reason());
            return;
        }
        InferenceProof proof = InferenceProof.decode(p.proofBytes(), ProofLayout.parse(p.layout()));
        java.util.Set<ProofLayout> tried = java.util.EnumSet.noneOf(ProofLayout.class);
        int failures = 0;
        int reissues = 0;
        boolean waitForLayout = false;
        Instant firstSentAt = feed.now();
        long counted = 0; // the attempt number counted for the next send, 0 when none is counted yet
        while (true) {
            if (waitForLayout) {
                waitForLayout = false;
                if (!feed.now().isBefore(deadline)) {
                    expire(p, "the task's deadline passed while the node's proof layout was being found out");
                    return;
                }
                if (!giveUp.sleep(HOLD_RECHECK)) {
                    return;
                }
            }
            while (hold.getAsBoolean()) {
                if (!feed.now().isBefore(deadline)) {
                    expire(p, "the validator was jailed until the task's deadline passed");
                    return;
                }
                if (!giveUp.sleep(HOLD_RECHECK)) {
                    return; // stopping: stays journaled for the next start
                }
            }
            Duration retryIn = null;
            ProofResult accepted = null;
            Optional<InferenceProof> reissue = Optional.empty();
            int attemptNo = 0;
            if (counted == 0) {
                if (journal.isAnswered(p.taskId())) {
                    return; // answered already: never again (only this thread answers this task)
                }
                // counted BEFORE the send, and before taking the lock, so this disk sync overlaps the other thread's
                // send; if a jail begins meanwhile, the proof waits with this attempt counted (the count may exceed
                // the sends by one, never fall short of them)
                counted = durably(() -> journal.beginSubmitAttempt(p.taskId()));
            }
            long attempt = counted;
            // one send at a time (the other thread journals meanwhile): the answer to one proof (a failed spot check
            // jails at once) is known before the next proof goes out. An acceptance changes nothing for the next
            // send, so it is journaled after the lock is released, while the next proof goes out.
            synchronized (sendLock) {
                if (hold.getAsBoolean()) {
                    continue;
                }
                if (!layouts.mayNegotiate(p.taskId())) {
                    waitForLayout = true; // another proof is finding out the node's layout: its answer first
                    continue;
                }
                attemptNo = (int) attempt;
                counted = 0; // this attempt goes out now; a retry counts its own
                feed.publish(new MinerEvent.ProofSubmitted(feed.now(), p.taskId(), (int) attempt));
                feed.update(s -> s.withCounters(attempt == 1 ? s.counters().submittedFirst() : s.counters().retried()));
                // made before the node's layout (or epoch) was known, or too old for its time rule: a new version,
                // journaled before it goes
                Optional<ProofReissuer.Reissue> fixed = reissuer.beforeSend(proof, p.epoch(), attempt, layouts.known(),
                        () -> rpc.getEpoch().number());
                if (fixed.isPresent()) {
                    proof = reissued(p, fixed.get().proof(), fixed.get().why());
                }
                Instant sentAt = feed.now();
                String why;
                ProofSubmission submission = new ProofSubmission(proof, p.resultData());
                try {
                    ProofResult result = health.call(() -> rpc.submitInferenceProof(submission));
                    layouts.decodes(proof.layout()); // it answered: it decoded this layout
                    if (result.accepted()) {
                        accepted = result;
                        why = null;
                    } else if (NodeWords.forgotten(result.message())) {
                        // the node restarted and forgot the miner: register again, then the same proof again; not
                        // a rejection
                        registrar.registeredAfter(sentAt);
                        why = "the node did not know this miner: " + result.message();
                    } else if (lostAnswer(attempt, result.message())) {
                        accepted = new ProofResult(true, result.spotChecked(), LOST_ANSWER + " (node: "
                                + result.message() + ")", Optional.empty());
                        why = null;
                    } else if (reissues < MAX_REISSUES && (reissue = reissuer.answering(proof, p.epoch(),
                            result.message())).isPresent()) {
                        why = null;
                    } else {
                        answer(p, false, result.spotChecked(), result.message(), (int) attempt);
                        return;
                    }
                } catch (RpcException e) {
                    boolean answered = !e.isTransient() && !unreadable(e);
                    boolean undecodable = answered && NodeWords.undecodable(e.getMessage());
                    if (answered && !undecodable) {
                        layouts.decodes(proof.layout());
                    }
                    if (undecodable) {
                        // another generation of node: the same proof in the next layout, or final when none is left
                        tried.add(proof.layout());
                        Optional<ProofLayout> next = layouts.next(proof.layout(), tried);
                        if (next.isEmpty()) {
                            answer(p, false, false, "refused by the node: it decodes none of the proof layouts A, B"
                                    + " and C (" + e.getMessage() + ")", (int) attempt);
                            return;
                        }
                        layouts.negotiating(p.taskId());
                        reissue = Optional.of(reissuer.relayout(proof, next.get()));
                    } else if (NodeWords.forgotten(e.getMessage())) {
                        registrar.registeredAfter(sentAt);
                    } else if (answered && lostAnswer(attempt, e.getMessage())) {
                        accepted = new ProofResult(true, false, LOST_ANSWER + " (" + e.getMessage() + ")", Optional.empty());
                    } else if (answered) {
                        // the node answered, with a refusal: final
                        answer(p, false, false, "refused by the node: " + e.getMessage(), (int) attempt);
                        return;
                    }
                    // transient, or an answer that cannot be read (garbage, cut, too large, wrong shape): as a lost
                    // answer, the same bytes again. If the node did act on it, a node that does not de-duplicate by
                    // task id (v2.0) credits it twice: only the node can tell, as for any lost answer.
                    why = e.getMessage();
                }
                if (reissue.isPresent()) {
                    reissues++;
                    proof = reissue.get(); // journaled below, before it is sent
                } else if (accepted == null) {
                    failures++;
                    SubmitRetryPolicy.Step step = policy.afterTransientFailure(feed.now(), deadline, failures);
                    if (step instanceof SubmitRetryPolicy.Step.RetryAfter r) {
                        step = (proof.layout() == ProofLayout.C ? Optional.<String>empty()
                                : outsideEpochWindow(proof.epoch(), firstSentAt))
                                .<SubmitRetryPolicy.Step>map(SubmitRetryPolicy.Step.Expired::new).orElse(r);
                    }
                    if (!(step instanceof SubmitRetryPolicy.Step.RetryAfter r)) {
                        expire(p, ((SubmitRetryPolicy.Step.Expired) step).reason() + " (" + why + ")");
                        return;
                    }
                    retryIn = r.delay();
                    health.unreachable(why, retryIn);
                }
            }
            if (accepted != null) {
                answer(p, true, accepted.spotChecked(), accepted.message(), attemptNo);
                return;
            }
            if (reissue.isPresent()) {
                proof = reissued(p, proof, "re-encoded or re-signed after the node's refusal");
                continue; // the new stamp goes at once (its own attempt is counted first)
            }
            if (!giveUp.sleep(retryIn)) {
                return; // stopping: the proof stays journaled (SUBMITTING) for the next start
            }
        }
    }

    /**
     * A refusal as a duplicate of a proof sent before (attempt 2 or later): the node acted on an earlier send whose
     * answer was lost, so the proof was accepted then. A duplicate at the first attempt is a refusal like any other.
     */
    private static boolean lostAnswer(long attempt, String message) {
        return attempt > 1 && NodeWords.duplicate(message);
    }

    /**
     * Journals a new version of a proof (re-stamped or re-signed) BEFORE it is sent: the journal always holds the bytes
     * that went out last. Returns it.
     */
    private InferenceProof reissued(PendingProof p, InferenceProof proof, String why) {
        byte[] bytes = proof.toBytes();
        durably(() -> {
            journal.recordResigned(p.taskId(), bytes, proof.layout().name());
            return null;
        });
        LOG.info("task {}: proof {} ({}, epoch {}, timestamp {})", p.taskId(), why, proof.layout().displayName(),
                Long.toUnsignedString(proof.epoch()), proof.timestamp());
        return proof;
    }

    /** An answer that came back but cannot be read: the proof's fate is unknown, as when the answer is lost. */
    private static boolean unreadable(RpcException e) {
        return e.kind() == RpcException.Kind.MALFORMED_RESPONSE || e.kind() == RpcException.Kind.RESPONSE_TOO_LARGE;
    }

    /**
     * Before a retry: the node accepts a proof only while its own epoch is within one of the proof's (epochs are
     * 10 s; tasks live 30 s). Asks the node's epoch ({@code qfc_getEpoch}); when the node is past the proof's epoch
     * + 1, the reason to stop retrying. When the node cannot say, the task's deadline decides (empty). Within 10 s of
     * the first send the node cannot be past the window yet (the task's epoch was the node's when it was handed
     * out): not asked.
     */
    private java.util.Optional<String> outsideEpochWindow(long proofEpoch, Instant firstSentAt) {
        if (Duration.between(firstSentAt, feed.now()).compareTo(EPOCH) < 0) {
            return java.util.Optional.empty();
        }
        long current;
        try {
            current = rpc.getEpoch().number();
        } catch (RpcException e) {
            return java.util.Optional.empty();
        }
        if (current > proofEpoch + 1) {
            return java.util.Optional.of("the node is at epoch " + current + " and accepts a proof only within one"
                    + " epoch of its own; this proof is for epoch " + proofEpoch);
        }
        return java.util.Optional.empty();
    }

    private void answer(PendingProof p, boolean accepted, boolean spotChecked, String message, int attempts) {
        layouts.settled(p.taskId());
        Instant at = feed.now();
        if (!durably(() -> journal.recordAnswer(p.taskId(), accepted, spotChecked, message, at.toEpochMilli()))) {
            return;
        }
        answered.incrementAndGet();
        feed.update(s -> s.withCounters(s.counters().answered(accepted, spotChecked)));
        feed.publish(new MinerEvent.ProofResult(at, p.taskId(), p.modelName() + "@" + p.modelVersion(), accepted,
                spotChecked, message == null ? "" : message, p.executionMs(), attempts));
        listener.onAnswer(p.taskId(), accepted, spotChecked, message, at);
    }

    private void expire(PendingProof p, String reason) {
        layouts.settled(p.taskId());
        Instant at = feed.now();
        if (durably(() -> journal.markExpired(p.taskId(), at.toEpochMilli()))) {
            feed.update(s -> s.withCounters(s.counters().expiredOne()));
            feed.publish(new MinerEvent.ProofDropped(at, p.taskId(), reason));
        }
    }

    private <T> T durably(Supplier<T> write) {
        return writes.run(write);
    }

    private void publishPending() {
        int n = inFlight.get();
        feed.update(s -> s.withCounters(s.counters().withPending(n)));
    }

    /**
     * Sends what is queued for up to {@code grace}, then stops; unsent proofs stay in the journal (SIGNED or
     * SUBMITTING) and are resent at the next start if their deadline allows.
     */
    public void close(Duration grace) {
        closing = true;
        long end = System.nanoTime() + Math.max(1, grace.toMillis()) * 1_000_000;
        joinAll(end);
        giveUp.raise();
        for (Outgoing o; (o = queue.poll()) != null; ) {
            try {
                journalFresh(List.of(o)); // unsent: journaled SIGNED, resent at the next start
            } catch (RuntimeException e) {
                LOG.error("could not journal the proof of task {} while stopping: {}", o.pending().taskId(), e.getMessage());
            }
            inFlight.decrementAndGet();
        }
        joinAll(System.nanoTime() + 5_000_000_000L);
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    private void joinAll(long endNanos) {
        for (Thread t : threads) {
            long left = (endNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
