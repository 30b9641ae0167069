package network.qfc.miner.devnet.verify;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.chain.DevnetState;
import network.qfc.miner.devnet.chain.EpochClock;
import network.qfc.miner.devnet.chain.MinerRegistry;
import network.qfc.miner.devnet.rewards.RewardBook;
import network.qfc.miner.devnet.tasks.IssuedTask;
import network.qfc.miner.devnet.tasks.TaskBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@code qfc_submitInferenceProof}, check by check in the order of the generation it plays: decode (in that
 * generation's proof layout), who may submit (v2.0: "Unknown validator"; newer: the miner registry, then validators,
 * "Unknown miner — register first via qfc_registerMiner"), inactive or jailed, signature, the time rule (epoch +-1;
 * newest: timestamp window), approved model, canonical format (newest), FLOPs 0.01x..10x, spot check
 * (re-execution), known-answer challenge, then accept (inference score += FLOPs, tasks += 1; newest: a
 * {@code rewardEstimate}). Answers carry the node's messages; where the devnet adds something (which rule passed a
 * spot check, why one was skipped) it says so in parentheses after them.
 */
public final class ProofVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(ProofVerifier.class);
    private static final int SLASH_PERCENT = 5;
    /** A challenge escalation jails 3 days in the node: 12 times the 6 h spot-check jail, kept in that ratio. */
    private static final int CHALLENGE_JAIL_FACTOR = 12;

    private final DevnetConfig config;
    private final EpochClock epochs;
    private final DevnetState state;
    private final TaskBoard tasks;
    private final RewardBook rewards;
    private final Optional<SpotCheckVerifier> reexecution;
    private final KnownAnswers knownAnswers;
    private final Consumer<DevnetEvent> events;
    private final Set<String> answeredChallenges = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedTasks = ConcurrentHashMap.newKeySet();
    private final MinerRegistry registry;
    private final GenerationChecks checks;
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong proofsForUnrunnable = new AtomicLong();

    public ProofVerifier(DevnetConfig config, EpochClock epochs, DevnetState state, MinerRegistry registry,
            TaskBoard tasks, RewardBook rewards, Optional<SpotCheckVerifier> reexecution, Consumer<DevnetEvent> events) {
        this.config = config;
        this.registry = registry;
        this.checks = new GenerationChecks(config.generation(), epochs, state, registry);
        this.epochs = epochs;
        this.state = state;
        this.tasks = tasks;
        this.rewards = rewards;
        this.reexecution = reexecution;
        this.knownAnswers = new KnownAnswers(reexecution);
        this.events = events;
    }

    /** Whether known-answer challenges can be checked (they need the engine). */
    public boolean challengesEnabled() {
        return reexecution.isPresent();
    }

    /**
     * Verifies one submission.
     *
     * @throws UndecodableProofException when {@code proofBytes} is not hex or not a proof (JSON-RPC -32000)
     */
    public ProofAnswer verify(ProofSubmission submission) {
        // 1. hex and Borsh
        InferenceProof proof = decode(submission.proofBytes(), config.generation().layout());
        String taskId = Hex.encode(proof.inputHash());
        boolean duplicate = state.recordSubmission(taskId) > 1;
        Optional<IssuedTask> task = tasks.find(proof.inputHash());
        if (task.isPresent() && task.get().kind().unrunnable()) {
            proofsForUnrunnable.incrementAndGet();
        }
        Outcome o = check(proof, task, submission);
        if (o.answer.accepted()) {
            acceptedTasks.add(taskId);
        }
        int every = config.emulation().forgetRegistrationsEvery();
        long n = every > 0 ? submissions.incrementAndGet() : 0;
        if (every > 0 && n % every == 0) {
            registry.forgetAll();
            LOG.info("devnet forgot every miner registration (as a node restart does), after {} proofs", n);
            events.accept(new DevnetEvent.RegistrationsForgotten(n));
        }
        events.accept(new DevnetEvent.ProofAnswered(proof.validator(), taskId, proof.epoch(), o.answer.accepted(),
                o.answer.spotChecked(), o.challenge, duplicate, o.rule, o.answer.message()));
        return o.answer;
    }

    private record Outcome(ProofAnswer answer, boolean challenge, String rule) {
        static Outcome of(boolean accepted, boolean spotChecked, String message) {
            return new Outcome(new ProofAnswer(accepted, spotChecked, message), false, "");
        }
    }

    /** How many proofs were sent for tasks the miner cannot run (speech, LLM): a skipping miner sends none. */
    public long proofsForUnrunnableTasks() {
        return proofsForUnrunnable.get();
    }

    private Outcome check(InferenceProof proof, Optional<IssuedTask> task, ProofSubmission submission) {
        // 2. who may submit: a validator (v2.0), or a registered miner or a validator (newer)
        GenerationChecks.Signer signer = checks.signer(proof);
        if (signer.refusal() != null) {
            return Outcome.of(false, false, signer.refusal());
        }
        // 3. a validator must be active: not jailed, with stake
        if (signer.validator().isPresent() && !signer.validator().get().isActive()) {
            return Outcome.of(false, false, "Validator is inactive or jailed");
        }
        // 4. signature
        if (!proof.verifySignature(signer.publicKey())) {
            LOG.warn("Invalid inference proof signature from {}", proof.validator());
            return Outcome.of(false, false, "Invalid proof signature");
        }
        // 5.-7. time rule, model (and canonical format), FLOPs
        Optional<String> basic = checks.timeRule(proof).or(() -> checks.modelAndFlops(proof));
        if (basic.isPresent()) {
            return Outcome.of(false, false, "Proof rejected: " + basic.get());
        }
        if (config.emulation().refuseDuplicates() && acceptedTasks.contains(Hex.encode(proof.inputHash()))) {
            return Outcome.of(false, false, "Proof rejected: duplicate");
        }
        // 8. spot check
        boolean spotChecked = false;
        String rule = "";
        String skipped = "";
        if ((proof.outputHash()[0] & 0xff) < config.spotCheckThreshold()) {
            SpotResult spot = spotCheck(proof, task, submission);
            if (spot.failed) {
                state.recordVerification(proof.validator(), false);
                state.slash(proof.validator(), SLASH_PERCENT, config.jailMs(), "spot-check failed (" + spot.detail + ")");
                return new Outcome(new ProofAnswer(false, true,
                        "Proof rejected: spot-check failed (output hash mismatch)"), false, spot.detail);
            }
            if (spot.checked) {
                state.recordVerification(proof.validator(), true);
                spotChecked = true;
                rule = spot.detail;
            } else {
                skipped = spot.detail;
            }
        }
        // 9. known-answer challenge
        if (task.isPresent() && task.get().kind() == IssuedTask.Kind.CHALLENGE
                && answeredChallenges.add(task.get().taskIdHex())) {
            Optional<Outcome> challenge = challenge(proof, task.get(), submission);
            if (challenge.isPresent()) {
                return challenge.get();
            }
        }
        // 10. accepted
        state.recordAccepted(proof.validator(), proof.flopsEstimated(), proof.executionTimeMs());
        rewards.credit(proof.validator(), proof.epoch(), proof.flopsEstimated(), proof.taskType().taskTypeName(),
                epochs.nowMs());
        String message;
        if (spotChecked) {
            message = "Proof accepted, spot-check passed (" + rule + ")";
        } else if (!skipped.isEmpty()) {
            message = "Proof accepted (spot-check skipped: " + skipped + ")";
        } else {
            message = "Proof accepted";
        }
        Optional<BigInteger> estimate = config.generation().isLatest()
                ? Optional.of(RewardBook.WEI_PER_FLOP.multiply(new BigInteger(Long.toUnsignedString(proof.flopsEstimated()))))
                : Optional.empty();
        return new Outcome(new ProofAnswer(true, spotChecked, message, estimate), false, rule);
    }

    private record SpotResult(boolean checked, boolean failed, String detail) {
    }

    private SpotResult spotCheck(InferenceProof proof, Optional<IssuedTask> task, ProofSubmission submission) {
        if (reexecution.isEmpty()) {
            return new SpotResult(false, false, "this devnet has no model to re-execute");
        }
        if (task.isEmpty()) {
            return new SpotResult(false, false, "task unknown to this devnet");
        }
        ModelId model = new ModelId(task.get().modelName(), task.get().modelVersion());
        Optional<SpotCheckVerifier.Reference> reference;
        try {
            reference = reexecution.get().reexecute(model, task.get().input());
        } catch (RuntimeException e) {
            LOG.warn("Spot-check re-execution error for {}: {}", proof.validator(), e.getMessage());
            return new SpotResult(false, false, "re-execution failed: " + e.getMessage());
        }
        if (reference.isEmpty()) {
            return new SpotResult(false, false, "this devnet cannot run " + model);
        }
        OutputComparison.Verdict v = OutputComparison.compare(reference.get(), proof.outputHash(),
                resultData(submission), config.tolerantVerification());
        if (v.passed()) {
            LOG.info("Spot-check PASSED for inference proof from {}: {}", proof.validator(), v.rule());
            return new SpotResult(true, false, v.rule());
        }
        LOG.warn("Spot-check FAILED for {}: {} (expected {}, got {})", proof.validator(), v.rule(),
                Hex.encode(reference.get().outputHash()).substring(0, 16), Hex.encode(proof.outputHash()).substring(0, 16));
        return new SpotResult(true, true, v.rule());
    }

    private Optional<Outcome> challenge(InferenceProof proof, IssuedTask task, ProofSubmission submission) {
        ModelId model = new ModelId(task.modelName(), task.modelVersion());
        Optional<SpotCheckVerifier.Reference> expected;
        try {
            expected = knownAnswers.answer(model, task.input());
        } catch (RuntimeException e) {
            LOG.warn("Challenge answer could not be computed: {}", e.getMessage());
            return Optional.empty();
        }
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        OutputComparison.Verdict v = OutputComparison.compare(expected.get(), proof.outputHash(), resultData(submission),
                config.tolerantVerification());
        String verdict;
        if (v.passed()) {
            verdict = "Passed";
        } else {
            double similarity = prefixSimilarity(expected.get().outputHash(), proof.outputHash());
            verdict = (similarity > 0.5 ? "Suspicious" : "Failed") + " { similarity: " + similarity + " }";
        }
        int consecutive = state.recordChallenge(proof.validator(), v.passed());
        state.recordVerification(proof.validator(), v.passed());
        if (!v.passed()) {
            state.reduceReputation(proof.validator(), 500);
            if (verdict.startsWith("Failed") && consecutive >= 3) {
                state.slash(proof.validator(), SLASH_PERCENT, config.jailMs() * CHALLENGE_JAIL_FACTOR,
                        "3 known-answer challenges failed in a row");
            }
        }
        String message = "Challenge result: " + verdict + (v.passed() ? " (" + v.rule() + ")" : "");
        return Optional.of(new Outcome(new ProofAnswer(v.passed(), true, message), true, v.passed() ? v.rule() : ""));
    }

    /** The node's challenge similarity: the share of leading bytes the two hashes have in common. */
    static double prefixSimilarity(byte[] expected, byte[] actual) {
        int n = 0;
        while (n < expected.length && n < actual.length && expected[n] == actual[n]) {
            n++;
        }
        return (double) n / expected.length;
    }

    private static Optional<byte[]> resultData(ProofSubmission submission) {
        if (submission.resultData().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hex.decode("resultData", submission.resultData().get().trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decodes like the node: Rust's {@code hex::decode} (no {@code 0x}), then strict Borsh in the node's layout. */
    static InferenceProof decode(String proofBytes, ProofLayout layout) {
        byte[] bytes = rustHexDecode(proofBytes);
        try {
            return InferenceProof.decode(bytes, layout);
        } catch (IllegalArgumentException e) {
            throw new UndecodableProofException("Failed to deserialize proof: " + e.getMessage());
        }
    }

    /** Rust's {@code hex::decode}: even length, hex digits only, no prefix; its error texts. */
    static byte[] rustHexDecode(String s) {
        if (s.length() % 2 != 0) {
            throw new UndecodableProofException("Invalid proof hex: Odd number of digits");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                throw new UndecodableProofException("Invalid proof hex: Invalid character '" + s.charAt(i)
                        + "' at position " + i);
            }
        }
        return Hex.decode("proofBytes", s);
    }
}
