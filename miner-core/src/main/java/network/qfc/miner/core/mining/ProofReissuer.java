package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * Makes a new version of a signed proof that the node has not accepted yet, for the same result: re-encoded in
 * another proof layout, re-stamped with the node's time (a C node takes a proof at most 120 s old and 10 s ahead of its clock), or with the epoch an A node
 * expects, and signed again. Only the stamp changes: the task, the output hash and the figures stay. The caller
 * journals the new bytes before it sends them (write-ahead) and never reissues a proof the node answered.
 */
public final class ProofReissuer {
    /** A C node refuses a proof older than 120 s: a proof is re-stamped before a resend once it is this old. */
    static final Duration MAX_AGE = Duration.ofSeconds(100);
    /** ... or this far ahead of the node's clock (the node allows 10 s). */
    static final Duration MAX_AHEAD = Duration.ofSeconds(8);

    private final ValidatorKey key;
    private final NodeClock clock;
    private final NodeEpoch epochs;

    public ProofReissuer(ValidatorKey key, NodeClock clock, NodeEpoch epochs) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
    }

    /** A new version of a proof and why it was made. */
    public record Reissue(InferenceProof proof, String why) {
    }

    /**
     * The version of {@code proof} (of a task stamped {@code taskEpoch}) to send as attempt {@code attempt}, or empty
     * to send it as it is: re-encoded in the node's layout when it was made before that was known (not an A proof
     * already sent to a B node, which may have accepted it reading CPU as ROCm), given the epoch an A or B node counts,
     * re-stamped when too old (or too far ahead) for a C node's time rule. Signed once for all the changes.
     */
    public Optional<Reissue> beforeSend(InferenceProof proof, long taskEpoch, long attempt,
                                        Optional<ProofLayout> nodeLayout, java.util.function.LongSupplier nodeEpoch) {
        InferenceProof p = proof;
        java.util.List<String> why = new java.util.ArrayList<>();
        if (nodeLayout.isPresent() && mayRelayout(p.layout(), nodeLayout.get(), attempt)) {
            p = p.inLayout(nodeLayout.get());
            why.add("re-encoded in the node's layout");
        }
        if (nodeLayout.isPresent() && p.layout() != ProofLayout.C) {
            epochs.calibrateOnce(taskEpoch, nodeEpoch); // A and B check the epoch: ask the node once per run
            long want = epochs.forTask(taskEpoch);
            if (epochs.offset() != 0 && want != p.epoch()) {
                p = p.withEpoch(want);
                why.add("given the epoch the node counts");
            }
        }
        if (stale(p)) {
            why.add("re-stamped with the node's time");
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reissue(p.restamped(clock.nodeNow().getEpochSecond()).signedBy(key),
                String.join(", ", why)));
    }

    /**
     * Whether a proof in {@code layout} may be re-encoded in the node's layout before attempt {@code attempt}: always
     * when it differs and was never sent; after a send only if the node could not have accepted it (a B node accepts
     * an A proof, reading CPU as ROCm: an A proof already sent to a B node stays A).
     */
    static boolean mayRelayout(ProofLayout layout, ProofLayout nodeLayout, long attempt) {
        if (layout == nodeLayout) {
            return false;
        }
        return attempt <= 1 || !(layout == ProofLayout.A && nodeLayout == ProofLayout.B);
    }

    /** Whether {@code proof}'s timestamp is outside what a C node takes now, by the node's clock as estimated. */
    public boolean stale(InferenceProof proof) {
        Instant stamped = Instant.ofEpochSecond(proof.timestamp());
        Instant nodeNow = clock.nodeNow();
        return Duration.between(stamped, nodeNow).compareTo(MAX_AGE) > 0
                || Duration.between(nodeNow, stamped).compareTo(MAX_AHEAD) > 0;
    }

    /** {@code proof} stamped with the node's time now, signed again. */
    public InferenceProof restamped(InferenceProof proof) {
        return resign(proof, proof.epoch(), clock.nodeNow().getEpochSecond());
    }

    /**
     * The proof to send instead after the node refused {@code proof} (of a task stamped {@code taskEpoch}) with
     * {@code message}, when a new stamp can answer the refusal: the epoch the node named ("Epoch mismatch: expected
     * N"), or the node's time ("Proof expired", "timestamp is in the future"). Empty when the refusal is about
     * something a new stamp cannot change.
     */
    public Optional<InferenceProof> answering(InferenceProof proof, long taskEpoch, String message) {
        OptionalLong expected = NodeWords.expectedEpoch(message);
        if (expected.isPresent() && expected.getAsLong() != proof.epoch()) {
            epochs.learn(taskEpoch, expected.getAsLong());
            return Optional.of(resign(proof, expected.getAsLong(), clock.nodeNow().getEpochSecond()));
        }
        if (NodeWords.outsideTimeWindow(message)) {
            return Optional.of(restamped(proof));
        }
        return Optional.empty();
    }

    /** The node behind the URL may be another one now: the epoch it counts is found out again. */
    public void nodeMayHaveChanged() {
        epochs.reset();
    }

    /** {@code proof} re-encoded in {@code layout} and signed again (a negotiation step). */
    public InferenceProof relayout(InferenceProof proof, ProofLayout layout) {
        return proof.relayout(layout, key);
    }

    private InferenceProof resign(InferenceProof p, long epoch, long timestamp) {
        return p.withEpoch(epoch).restamped(timestamp).signedBy(key);
    }
}
