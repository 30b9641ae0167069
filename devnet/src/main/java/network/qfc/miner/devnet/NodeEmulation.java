package network.qfc.miner.devnet;

import java.util.Objects;

/**
 * How closely, and with which faults, the devnet plays a real node of one generation. Part of {@link DevnetConfig}.
 *
 * @param generation               which qfc-core generation (proof layout, time rule, registration rules)
 * @param epochTrap                A and B: stamp tasks with unix-ms / epoch length (as the real node does) while the
 *                                 proof's epoch is checked against the consensus epoch (1 + uptime / epoch length), so
 *                                 a proof carrying the task's epoch is refused "Epoch mismatch: expected N, got M".
 *                                 Off: tasks carry the consensus epoch (what this devnet always did)
 * @param forgetRegistrationsEvery B and C: after every N-th proof submission the miner registry is emptied, as a node
 *                                 restart would (validators stay); 0 = never
 * @param speechRate               fraction of tasks handed out as speech_to_text with qfc-whisper-base (f32 PCM input)
 * @param llmRate                  fraction of tasks handed out as "embedding" tasks whose model is qfc-llm-0.5b
 * @param clockOffsetSeconds       the devnet's clock runs this many seconds ahead of {@link DevnetConfig#clock()}
 *                                 (negative: behind): time rule, deadlines, epochs and the HTTP {@code Date} header
 * @param refuseDuplicates         answer a second proof for the same task {@code accepted:false} "Proof rejected:
 *                                 duplicate" instead of as the qfc-core code read (accepted again)
 */
public record NodeEmulation(NodeGeneration generation, boolean epochTrap, int forgetRegistrationsEvery,
        double speechRate, double llmRate, long clockOffsetSeconds, boolean refuseDuplicates) {

    public NodeEmulation {
        Objects.requireNonNull(generation, "generation");
        if (forgetRegistrationsEvery < 0) {
            throw new IllegalArgumentException("forget-registrations-every must be 0 (never) or a positive number of "
                    + "proofs, got " + forgetRegistrationsEvery);
        }
        checkRate("speech rate", speechRate);
        checkRate("LLM rate", llmRate);
        if (speechRate + llmRate > 1.0) {
            throw new IllegalArgumentException("speech rate + LLM rate must not exceed 1.0, got "
                    + (speechRate + llmRate));
        }
        if (Math.abs(clockOffsetSeconds) > 10L * 365 * 24 * 3600) {
            throw new IllegalArgumentException("clock offset must be within +-10 years, got " + clockOffsetSeconds + " s");
        }
    }

    private static void checkRate(String what, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be between 0.0 and 1.0, got " + rate);
        }
    }

    /** v2.0 without the epoch trap, no faults: the devnet as it always was. */
    public static NodeEmulation classic() {
        return new NodeEmulation(NodeGeneration.V2_0, false, 0, 0.0, 0.0, 0, false);
    }

    /** The newest generation (layout C, standalone miners, the 120 s / 10 s time rule), no faults: the default. */
    public static NodeEmulation latest() {
        return classic().withGeneration(NodeGeneration.LATEST);
    }

    /** This generation with its own rules; the epoch trap is on for A and B (as the real nodes stamp tasks). */
    public NodeEmulation withGeneration(NodeGeneration g) {
        return new NodeEmulation(g, g.checksEpoch(), forgetRegistrationsEvery, speechRate, llmRate, clockOffsetSeconds,
                refuseDuplicates);
    }

    public NodeEmulation withEpochTrap(boolean v) {
        return new NodeEmulation(generation, v, forgetRegistrationsEvery, speechRate, llmRate, clockOffsetSeconds,
                refuseDuplicates);
    }

    public NodeEmulation withForgetRegistrationsEvery(int v) {
        return new NodeEmulation(generation, epochTrap, v, speechRate, llmRate, clockOffsetSeconds, refuseDuplicates);
    }

    public NodeEmulation withSpeechRate(double v) {
        return new NodeEmulation(generation, epochTrap, forgetRegistrationsEvery, v, llmRate, clockOffsetSeconds,
                refuseDuplicates);
    }

    public NodeEmulation withLlmRate(double v) {
        return new NodeEmulation(generation, epochTrap, forgetRegistrationsEvery, speechRate, v, clockOffsetSeconds,
                refuseDuplicates);
    }

    public NodeEmulation withClockOffsetSeconds(long v) {
        return new NodeEmulation(generation, epochTrap, forgetRegistrationsEvery, speechRate, llmRate, v,
                refuseDuplicates);
    }

    public NodeEmulation withRefuseDuplicates(boolean v) {
        return new NodeEmulation(generation, epochTrap, forgetRegistrationsEvery, speechRate, llmRate,
                clockOffsetSeconds, v);
    }
}
