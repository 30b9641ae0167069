package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.journal.JournalException;
import network.qfc.miner.core.journal.PendingProof;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.SignedTask;
import network.qfc.miner.core.journal.TaskRecord;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals and sends proofs (each through {@link ProofDelivery}) on two threads of its own ({@code qfc-proof-submit-1/2}: one sends while the other
 * waits for the disk; a thread takes every proof waiting in the queue and journals them in one transaction, so one
 * disk sync covers several proofs when they come faster than the disk):
 * <ul>
 *   <li>each send is counted in the journal BEFORE it goes out, and always carries the journaled bytes;</li>
 *   <li>a transient failure is retried with the same bytes until the task's deadline ({@link SubmitRetryPolicy});</li>
 *   <li>the node's answer (a result, or a JSON-RPC refusal) is final: the proof is never sent again; except
 *   "unknown miner"/"unknown validator" (the node forgot the miner: register again, then the same proof again), an
 *   answer that cannot be read (as a lost answer, the same bytes again), a refusal a new version of the proof answers
 *   (another proof layout, the node's epoch or time: re-signed, journaled before it goes), and a duplicate refusal of a
 *   resend (the first answer was lost: accepted);</li>
 *   <li>for A and B proofs, retries stop once the node's epoch (qfc_getEpoch) is past the proof's epoch + 1;</li>
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

    private final ProofJournal journal;
    private final MinerFeed feed;
    private final ProofDelivery delivery;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(QUEUE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final StopSignal giveUp = new StopSignal();
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
        this.journal = Objects.requireNonNull(journal, "journal");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.delivery = new ProofDelivery(rpc, journal, policy, health, feed, listener, hold, registrar, reissuer,
                layouts, giveUp, writes, answered);
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

    /**
     * Queues a fresh proof as {@link #enqueue} does, but waits at most {@code wait} for room; false (nothing queued)
     * when there was none, so the caller can say why it waits (a jail holds the proofs) and try again.
     */
    public boolean offer(TaskRecord task, SignedProof proof, long inferredAtMs, Duration wait) {
        Outgoing p = new Fresh(Objects.requireNonNull(task, "task"), Objects.requireNonNull(proof, "proof"), inferredAtMs);
        inFlight.incrementAndGet();
        try {
            if (queue.offer(p, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                publishPending();
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlight.decrementAndGet();
        return false;
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
                        delivery.send(p);
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
        List<Boolean> recorded = writes.run(() -> journal.recordSignedTasks(fresh));
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
