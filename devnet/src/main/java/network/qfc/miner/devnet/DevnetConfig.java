package network.qfc.miner.devnet;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import network.qfc.miner.core.protocol.Hex;

/**
 * How a devnet node runs. Start from {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param bindAddress          where the JSON-RPC server listens; loopback unless told otherwise
 * @param port                 TCP port; 0 picks any free port
 * @param validatorPublicKeys  Ed25519 public keys (64 hex each) admitted as validators at genesis
 * @param openMode             admit any key that registers (it must send its {@code publicKey}) with {@link #defaultStakeWei}
 * @param defaultStakeWei      the stake each validator starts with (wei; 10 000 QFC by default)
 * @param epochMs              epoch length (the node's 10 s by default)
 * @param spotCheckRate        fraction of proofs re-executed; empty = the node's rule ({@code output_hash[0] < 12});
 *                             1.0 = every proof
 * @param challengeRate        fraction of tasks that are known-answer challenges; empty = the node's adaptive rates
 *                             (10 % under 100 tasks, 8 % under reputation 8000, else 5 %); 0 = none
 * @param syntheticRate        fraction of ordinary tasks that are the node's empty-input synthetic tasks
 * @param taskDeadlineMs       how long a miner has for a task (the node's 30 s)
 * @param jailMs               how long a failed spot check jails a validator (the node's 6 h)
 * @param tolerantVerification let a spot check pass on cosine >= 0.9999 of the miner's {@code resultData}
 * @param modelDir             folder of qfc-embed-small ({@code model.onnx} + {@code tokenizer.json}) used to re-execute;
 *                             empty = no re-execution (spot checks and challenges are skipped and say so)
 * @param clock                the devnet's time (epochs, deadlines, jail); tests pass a controllable clock (the
 *                             node runs {@link NodeEmulation#clockOffsetSeconds()} off it: see {@link #nodeClock()})
 * @param emulation            which node generation it plays and the faults it injects ({@link NodeEmulation})
 */
public record DevnetConfig(
        InetAddress bindAddress,
        int port,
        List<String> validatorPublicKeys,
        boolean openMode,
        BigInteger defaultStakeWei,
        long epochMs,
        OptionalDouble spotCheckRate,
        OptionalDouble challengeRate,
        double syntheticRate,
        long taskDeadlineMs,
        long jailMs,
        boolean tolerantVerification,
        Optional<Path> modelDir,
        Clock clock,
        NodeEmulation emulation) {

    /** 1 QFC in wei. */
    public static final BigInteger WEI_PER_QFC = BigInteger.TEN.pow(18);
    /** The node's jail after a failed spot check: 6 hours. */
    public static final long NODE_JAIL_MS = 6L * 60 * 60 * 1000;

    public DevnetConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(defaultStakeWei, "defaultStakeWei");
        Objects.requireNonNull(spotCheckRate, "spotCheckRate");
        Objects.requireNonNull(challengeRate, "challengeRate");
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(emulation, "emulation");
        validatorPublicKeys = List.copyOf(validatorPublicKeys);
        for (String key : validatorPublicKeys) {
            Hex.decodeFixed("validator public key", key, 32);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (epochMs < 100) {
            throw new IllegalArgumentException("epoch length must be at least 100 ms, got " + epochMs);
        }
        if (jailMs < 0) {
            throw new IllegalArgumentException("jail time must not be negative, got " + jailMs);
        }
        if (taskDeadlineMs < 1) {
            throw new IllegalArgumentException("task deadline must be positive, got " + taskDeadlineMs);
        }
        if (defaultStakeWei.signum() <= 0) {
            throw new IllegalArgumentException("default stake must be positive");
        }
        checkRate("spot-check rate", spotCheckRate);
        checkRate("challenge rate", challengeRate);
        checkRate("synthetic rate", OptionalDouble.of(syntheticRate));
    }

    private static void checkRate(String what, OptionalDouble rate) {
        if (rate.isPresent() && !(rate.getAsDouble() >= 0.0 && rate.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException(what + " must be between 0.0 and 1.0, got " + rate.getAsDouble());
        }
    }

    /**
     * Loopback, port 8545, no validators, closed, 10 s epochs, the node's rates, 6 h jail, exact verification, no model,
     * the newest generation, latest ({@link NodeEmulation#latest()}: what a miner meets on the network today).
     */
    public static DevnetConfig defaults() {
        return new DevnetConfig(InetAddress.getLoopbackAddress(), 8545, List.of(), false,
                WEI_PER_QFC.multiply(BigInteger.valueOf(10_000)), 10_000, OptionalDouble.empty(), OptionalDouble.empty(),
                0.1, 30_000, NODE_JAIL_MS, false, Optional.empty(), Clock.systemUTC(), NodeEmulation.latest());
    }

    public DevnetConfig withBindAddress(InetAddress v) {
        return new DevnetConfig(v, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withPort(int v) {
        return new DevnetConfig(bindAddress, v, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withValidatorPublicKeys(List<String> v) {
        return new DevnetConfig(bindAddress, port, v, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withOpenMode(boolean v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, v, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withDefaultStakeWei(BigInteger v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, v, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withEpochMs(long v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, v, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withSpotCheckRate(OptionalDouble v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, v,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withChallengeRate(OptionalDouble v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                v, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withSyntheticRate(double v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, v, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withTaskDeadlineMs(long v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, v, jailMs, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withJailMs(long v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, v, tolerantVerification, modelDir, clock, emulation);
    }

    public DevnetConfig withTolerantVerification(boolean v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, v, modelDir, clock, emulation);
    }

    public DevnetConfig withModelDir(Path v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, Optional.ofNullable(v), clock, emulation);
    }

    public DevnetConfig withClock(Clock v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, v, emulation);
    }

    public DevnetConfig withEmulation(NodeEmulation v) {
        return new DevnetConfig(bindAddress, port, validatorPublicKeys, openMode, defaultStakeWei, epochMs, spotCheckRate,
                challengeRate, syntheticRate, taskDeadlineMs, jailMs, tolerantVerification, modelDir, clock, v);
    }

    /** The node generation to play; sets its epoch trap as the real node has it (A and B: on). */
    public DevnetConfig withGeneration(NodeGeneration v) {
        return withEmulation(emulation.withGeneration(v));
    }

    /** A and B: whether tasks carry unix-ms / epoch length while proofs are checked against the consensus epoch. */
    public DevnetConfig withEpochTrap(boolean v) {
        return withEmulation(emulation.withEpochTrap(v));
    }

    /** Empty the miner registry (a node restart) after every {@code n}-th proof submission; 0 = never. */
    public DevnetConfig withForgetRegistrationsEvery(int n) {
        return withEmulation(emulation.withForgetRegistrationsEvery(n));
    }

    /** Fraction of tasks that are speech_to_text with qfc-whisper-base (the miner cannot run them). */
    public DevnetConfig withSpeechRate(double v) {
        return withEmulation(emulation.withSpeechRate(v));
    }

    /** Fraction of tasks that are "embedding" tasks with the LLM qfc-llm-0.5b (the miner cannot run them). */
    public DevnetConfig withLlmRate(double v) {
        return withEmulation(emulation.withLlmRate(v));
    }

    /** The devnet's clock runs this many seconds ahead of {@link #clock()} (negative: behind). */
    public DevnetConfig withClockOffsetSeconds(long v) {
        return withEmulation(emulation.withClockOffsetSeconds(v));
    }

    /** Answer a second proof for a task "Proof rejected: duplicate" (accepted:false). */
    public DevnetConfig withRefuseDuplicates(boolean v) {
        return withEmulation(emulation.withRefuseDuplicates(v));
    }

    /** The generation this devnet plays. */
    public NodeGeneration generation() {
        return emulation.generation();
    }

    /** The node's own clock: {@link #clock()} shifted by the emulation's clock offset. */
    public Clock nodeClock() {
        return emulation.clockOffsetSeconds() == 0 ? clock
                : Clock.offset(clock, java.time.Duration.ofSeconds(emulation.clockOffsetSeconds()));
    }

    /** The spot-check threshold on {@code output_hash[0]}: a proof is re-executed when its first byte is below it. */
    public int spotCheckThreshold() {
        if (spotCheckRate.isEmpty()) {
            return (int) (0.05 * 256.0); // the node: SPOT_CHECK_RATE 0.05 -> 12
        }
        return (int) Math.min(256, Math.floor(spotCheckRate.getAsDouble() * 256.0));
    }
}
