package network.qfc.miner.devnet.verify;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.core.protocol.CanonicalFormat;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.devnet.NodeGeneration;
import network.qfc.miner.devnet.chain.DevnetState;
import network.qfc.miner.devnet.chain.EpochClock;
import network.qfc.miner.devnet.chain.MinerRegistry;
import network.qfc.miner.devnet.chain.ValidatorStanding;

/**
 * The checks of {@code qfc_submitInferenceProof} that differ between node generations: who may submit (step 2), the
 * time rule (epoch or timestamp), and the model, canonical-format and FLOPs checks, with each generation's messages.
 */
final class GenerationChecks {
    /** The newest nodes' window: a proof's timestamp may be this old ... */
    static final long MAX_AGE_SECONDS = 120;
    /** ... and this far ahead of the node's clock. */
    static final long MAX_AHEAD_SECONDS = 10;
    static final String UNKNOWN_MINER = "Unknown miner \u2014 register first via qfc_registerMiner";

    private final NodeGeneration generation;
    private final EpochClock epochs;
    private final DevnetState state;
    private final MinerRegistry registry;

    GenerationChecks(NodeGeneration generation, EpochClock epochs, DevnetState state, MinerRegistry registry) {
        this.generation = generation;
        this.epochs = epochs;
        this.state = state;
        this.registry = registry;
    }

    /** Step 2's answer: the key to check the signature with and the validator standing, or the refusal. */
    record Signer(byte[] publicKey, Optional<ValidatorStanding> validator, String refusal) {
    }

    /** A: validators only. B and C: the registry first, then the validator set (their fallback). */
    Signer signer(InferenceProof proof) {
        Optional<ValidatorStanding> validator = state.standing(proof.validator());
        if (!generation.hasMinerRegistry()) {
            return validator.map(v -> new Signer(Hex.decode("public key", v.publicKeyHex()), validator, null))
                    .orElse(new Signer(null, validator, "Unknown validator"));
        }
        Optional<MinerRegistry.Registration> registered = registry.get(proof.validator());
        if (registered.isPresent()) {
            return new Signer(registered.get().publicKey(), validator, null);
        }
        return validator.map(v -> new Signer(Hex.decode("public key", v.publicKeyHex()), validator, null))
                .orElse(new Signer(null, validator, UNKNOWN_MINER));
    }

    /** A and B: epoch within +-1 of the consensus epoch. C: timestamp at most 120 s old and 10 s ahead. */
    Optional<String> timeRule(InferenceProof proof) {
        if (generation.checksEpoch()) {
            long current = epochs.current();
            long p = proof.epoch();
            long diff = Long.compareUnsigned(p, current) >= 0 ? p - current : current - p;
            if (Long.compareUnsigned(diff, 1) > 0) {
                return Optional.of("Epoch mismatch: expected " + current + ", got " + Long.toUnsignedString(p));
            }
            return Optional.empty();
        }
        long now = Math.floorDiv(epochs.nowMs(), 1000);
        long t = proof.timestamp();
        if (t >= 0 && t < now - MAX_AGE_SECONDS) {
            return Optional.of("Proof expired: submitted at " + t + ", but current time is " + now + " ("
                    + (now - t) + "s old, max " + MAX_AGE_SECONDS + "s)");
        }
        if (t < 0 || t > now + MAX_AHEAD_SECONDS) {
            return Optional.of("Proof timestamp is in the future: " + Long.toUnsignedString(t) + " > " + now + " + "
                    + MAX_AHEAD_SECONDS + "s");
        }
        return Optional.empty();
    }

    /** Model approved, canonical format (C only), FLOPs within 0.01x..10x of the expected figure. */
    Optional<String> modelAndFlops(InferenceProof proof) {
        Optional<ModelId> model = proof.taskType().modelId();
        if (model.isPresent()) {
            boolean approved = generation.isLatest() ? ApprovedModels.isApprovedLatest(model.get())
                    : ApprovedModels.isApproved(model.get());
            if (!approved) {
                return Optional.of("Model not in approved registry: " + model.get());
            }
            CanonicalFormat required = CanonicalFormat.requiredFor(model.get());
            if (generation.isLatest() && proof.canonicalFormat() != required) {
                return Optional.of("Non-canonical format: model " + model.get() + " requires " + required
                        + ", proof used " + proof.canonicalFormat());
            }
        }
        long expected = generation.isLatest() ? expectedFlopsLatest(proof.taskType()) : expectedFlops(proof.taskType());
        if (expected > 0) {
            double ratio = unsigned(proof.flopsEstimated()) / (double) expected;
            if (ratio > 10.0 || ratio < 0.01) {
                return Optional.of("Unreasonable FLOPS claim: claimed " + Long.toUnsignedString(proof.flopsEstimated())
                        + ", expected ~" + expected);
            }
        }
        return Optional.empty();
    }

    /** v2.0's {@code task_requirements(..).estimated_flops}. */
    static long expectedFlops(ComputeTaskType type) {
        if (type instanceof ComputeTaskType.TextGeneration t) {
            return 2L * 7_000_000_000L * t.maxTokens();
        } else if (type instanceof ComputeTaskType.ImageClassification) {
            return 4_000_000_000L;
        } else if (type instanceof ComputeTaskType.Embedding) {
            return 1_000_000_000L;
        }
        return 2_000_000_000L;
    }

    /** The newest nodes' model-aware figure: speech 4e9 (3e10 large), text 2 x params (from the name) x max_tokens. */
    static long expectedFlopsLatest(ComputeTaskType type) {
        if (type instanceof ComputeTaskType.TextGeneration t) {
            return 2L * parametersFromName(t.model().name()) * t.maxTokens();
        } else if (type instanceof ComputeTaskType.SpeechToText s) {
            return s.model().name().contains("large") ? 30_000_000_000L : 4_000_000_000L;
        } else if (type instanceof ComputeTaskType.ImageGeneration g) {
            return 2_000_000_000L * g.steps() + 5_000_000_000L;
        }
        return expectedFlops(type);
    }

    static long parametersFromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("0.5b")) {
            return 500_000_000L;
        } else if (n.contains("70b")) {
            return 70_000_000_000L;
        } else if (n.contains("13b")) {
            return 13_000_000_000L;
        } else if (n.contains("3b")) {
            return 3_000_000_000L;
        } else if (n.contains("1b")) {
            return 1_000_000_000L;
        }
        return 7_000_000_000L;
    }

    static double unsigned(long v) {
        return v >= 0 ? (double) v : new BigInteger(Long.toUnsignedString(v)).doubleValue();
    }
}
