package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.journal.PendingProof;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.rpc.ProofResult;
import network.qfc.miner.core.protocol.rpc.ProofSubmission;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One journaled proof's way to the node's final word, on a submitter thread ({@link ProofSubmitter} queues, journals
 * and runs them): each send counted in the journal before it goes; transient failures retried with the same bytes
 * until the deadline; a node that forgot the miner gets it registered again and the same proof; a refusal a new
 * version can answer (another layout, the node's epoch, the node's time) gets that version, journaled first; a
 * duplicate refusal of a resend is the lost first answer's acceptance; any other answer is final. One send at a time
 * across threads ({@code sendLock}): the answer to one proof is known before the next goes out.
 */
final class ProofDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ProofDelivery.class);
    private static final Duration HOLD_RECHECK = Duration.ofMillis(200);
    /** The node's epoch length (v2.0: 10 s). */
    private static final Duration EPOCH = Duration.ofSeconds(10);
    /**
     * New versions of one proof (two layout steps, C to B to A, and two new stamps for time or epoch) before a refusal
     * is taken as final.
     */
    private static final int MAX_REISSUES = 4;
    private static final String LOST_ANSWER = ProofSubmitter.LOST_ANSWER;

    private final QfcRpcClient rpc;
    private final ProofJournal journal;
    private final SubmitRetryPolicy policy;
    private final NodeHealth health;
    private final MinerFeed feed;
    private final ProofSubmitter.AnswerListener listener;
    private final BooleanSupplier hold;
    private final Registrar registrar;
    private final ProofReissuer reissuer;
    private final LayoutNegotiator layouts;
    private final StopSignal giveUp;
    private final DurableWrites writes;
    private final AtomicLong answered;
    private final Object sendLock = new Object();

    ProofDelivery(QfcRpcClient rpc, ProofJournal journal, SubmitRetryPolicy policy, NodeHealth health, MinerFeed feed,
                  ProofSubmitter.AnswerListener listener, BooleanSupplier hold, Registrar registrar,
                  ProofReissuer reissuer, LayoutNegotiator layouts, StopSignal giveUp, DurableWrites writes,
                  AtomicLong answered) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.health = Objects.requireNonNull(health, "health");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.reissuer = Objects.requireNonNull(reissuer, "reissuer");
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        this.giveUp = Objects.requireNonNull(giveUp, "giveUp");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.answered = Objects.requireNonNull(answered, "answered");
    }

    void send(PendingProof p) {
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
                        reissuer.nodeMayHaveChanged();
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
                        reissuer.nodeMayHaveChanged();
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
                        reissuer.nodeMayHaveChanged();
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
}
