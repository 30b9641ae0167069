package network.qfc.miner.core.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a screen shows about the miner at one moment, as one immutable value. The runtime replaces it
 * atomically ({@link LiveSnapshot}); readers never see half an update.
 *
 * @param state           what the miner is doing
 * @param stateReason     why (e.g. "jailed until 14:05", "no task"), never null
 * @param address         the validator address ({@code 0x...}), null before the key is loaded
 * @param computeMode     inference / auto / none
 * @param node            the node and how it answers
 * @param tier            the GPU tier's wire name (Cold / Warm / Hot), null before the probe
 * @param backend         the backend inference runs on (CPU / CUDA / Metal), null before the engine starts
 * @param backendFallback why the requested backend was not used, null when it was
 * @param model           the model in use ({@code name@version}), null when none
 * @param layer           the model's layer in the pool (hot / warm / cold), null when none
 * @param counters        tasks and proofs since start
 * @param lastInferenceMs the last inference's duration, -1 before the first
 * @param standing        the validator's standing as last read, {@link Standing#UNKNOWN} before the first read
 * @param startedAt       when the runtime started
 * @param updatedAt       when this snapshot was made
 */
public record MinerSnapshot(MinerState state, String stateReason, String address, String computeMode, Node node,
                            String tier, String backend, String backendFallback, String model, String layer,
                            Counters counters, long lastInferenceMs, Standing standing, Instant startedAt,
                            Instant updatedAt) {

    public MinerSnapshot {
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The snapshot of a miner that is just starting against {@code url}. */
    public static MinerSnapshot starting(String url, String computeMode, Instant now) {
        return new MinerSnapshot(MinerState.STARTING, "starting", null, computeMode, Node.unknown(url), null, null, null,
                null, null, Counters.ZERO, -1, Standing.UNKNOWN, now, now);
    }

    public MinerSnapshot withState(MinerState s, String reason) {
        return new MinerSnapshot(s, reason, address, computeMode, node, tier, backend, backendFallback, model, layer,
                counters, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withAddress(String a) {
        return new MinerSnapshot(state, stateReason, a, computeMode, node, tier, backend, backendFallback, model, layer,
                counters, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withNode(Node n) {
        return new MinerSnapshot(state, stateReason, address, computeMode, n, tier, backend, backendFallback, model,
                layer, counters, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withCompute(String tierName, String backendName, String fallback) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tierName, backendName, fallback, model,
                layer, counters, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withModel(String modelName, String layerName) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tier, backend, backendFallback,
                modelName, layerName, counters, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withCounters(Counters c) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tier, backend, backendFallback, model,
                layer, c, lastInferenceMs, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withLastInferenceMs(long ms) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tier, backend, backendFallback, model,
                layer, counters, ms, standing, startedAt, updatedAt);
    }

    public MinerSnapshot withStanding(Standing s) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tier, backend, backendFallback, model,
                layer, counters, lastInferenceMs, s, startedAt, updatedAt);
    }

    public MinerSnapshot at(Instant now) {
        return new MinerSnapshot(state, stateReason, address, computeMode, node, tier, backend, backendFallback, model,
                layer, counters, lastInferenceMs, standing, startedAt, now);
    }

    /**
     * The node the miner talks to.
     *
     * @param url       the JSON-RPC endpoint
     * @param reachable whether the last call got an answer
     * @param latencyMs the last call's round trip, -1 when unknown
     * @param chainId   the node's chain id, null until read
     * @param version   the node's version string, null until read
     * @param clockSkewMs the node's clock minus this computer's (ms), null until estimated
     * @param clockWarning what to tell the user when the skew is over 5 s, null otherwise
     * @param proofLayout the proof layout the node takes (A, B or C), null until known
     * @param keyRole     {@link #VALIDATOR} or {@link #STANDALONE}, null until known
     */
    public record Node(String url, boolean reachable, long latencyMs, String chainId, String version,
                       Long clockSkewMs, String clockWarning, String proofLayout, String keyRole) {
        public static Node unknown(String url) {
            return new Node(url, false, -1, null, null, null, null, null, null);
        }

        public Node reached(long latency) {
            return new Node(url, true, latency, chainId, version, clockSkewMs, clockWarning, proofLayout, keyRole);
        }

        public Node unreachable() {
            return new Node(url, false, latencyMs, chainId, version, clockSkewMs, clockWarning, proofLayout, keyRole);
        }

        public Node identified(String chain, String nodeVersion) {
            return new Node(url, reachable, latencyMs, chain, nodeVersion, clockSkewMs, clockWarning, proofLayout, keyRole);
        }

        /** The clock skew (node minus this computer, ms) and the warning when it is over 5 s (null when fine). */
        public Node clock(long skewMs, String warning) {
            return new Node(url, reachable, latencyMs, chainId, version, skewMs,
                    warning == null || warning.isEmpty() ? null : warning, proofLayout, keyRole);
        }

        /** The proof layout this node takes (A, B or C), null until known. */
        public Node layout(String layout) {
            return new Node(url, reachable, latencyMs, chainId, version, clockSkewMs, clockWarning, layout, keyRole);
        }

        /**
         * What the node takes this key for: {@link #VALIDATOR}, or {@link #STANDALONE} (registered as a miner but not
         * in the validator set: it can mine, and is neither scored nor slashed).
         */
        public Node role(String role) {
            return new Node(url, reachable, latencyMs, chainId, version, clockSkewMs, clockWarning, proofLayout, role);
        }

        public boolean standalone() {
            return STANDALONE.equals(keyRole);
        }

        public static final String VALIDATOR = "validator";
        public static final String STANDALONE = "standalone miner";
    }

    /**
     * Counts since the runtime started (plus resent proofs from an earlier run).
     *
     * @param tasksReceived tasks the node handed out
     * @param submitted     proofs sent at least once
     * @param accepted      proofs the node accepted
     * @param rejected      proofs the node refused
     * @param spotChecked   proofs the node re-executed
     * @param expired       proofs dropped because the deadline passed
     * @param retries       submission attempts beyond the first
     * @param pending       proofs signed but not yet answered
     */
    public record Counters(long tasksReceived, long submitted, long accepted, long rejected, long spotChecked,
                           long expired, long retries, int pending) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

        /** Proofs the node answered (accepted or not). */
        public long answered() {
            return accepted + rejected;
        }

        public Counters taskReceived() {
            return new Counters(tasksReceived + 1, submitted, accepted, rejected, spotChecked, expired, retries, pending);
        }

        public Counters submittedFirst() {
            return new Counters(tasksReceived, submitted + 1, accepted, rejected, spotChecked, expired, retries, pending);
        }

        public Counters retried() {
            return new Counters(tasksReceived, submitted, accepted, rejected, spotChecked, expired, retries + 1, pending);
        }

        public Counters answered(boolean ok, boolean checked) {
            return new Counters(tasksReceived, submitted, accepted + (ok ? 1 : 0), rejected + (ok ? 0 : 1),
                    spotChecked + (checked ? 1 : 0), expired, retries, pending);
        }

        public Counters expiredOne() {
            return new Counters(tasksReceived, submitted, accepted, rejected, spotChecked, expired + 1, retries, pending);
        }

        public Counters withPending(int p) {
            return new Counters(tasksReceived, submitted, accepted, rejected, spotChecked, expired, retries, p);
        }
    }

    /**
     * A slash the miner saw: the stake drop, when it was noticed, the proof answered just before it, and the cause.
     */
    public record Slash(BigInteger amount, Instant at, String afterTaskId, String cause) {
    }

    /**
     * The validator's standing on the node.
     *
     * @param known             false until the first successful read
     * @param registered        whether the node lists this validator at all
     * @param active            the node's isActive
     * @param jailed            the miner's reading: listed, with stake, but not active
     * @param jailEndsAt        6 h after the spot-check failure the miner saw; null when not jailed or not known
     * @param stake             the stake the node's consensus holds (score breakdown), wei; null when unknown
     * @param stakeChange       the change since the previous read, wei (negative for a slash)
     * @param contributionScore the score breakdown's total (0..10000), -1 when unknown
     * @param reputationScore   the reputation component, -1 when unknown
     * @param inferenceScore    the node's inference score (sum of FLOPs), -1 when unknown
     * @param tasksCompleted    the node's count of accepted tasks, -1 when unknown
     * @param lastSlash         the last slash seen, null when none
     * @param earnings          the day's earnings (wei), null where the node has no earnings method
     * @param locked            vesting still locked (wei), null where unsupported
     * @param available         vested and available (wei), null where unsupported
     * @param readAt            when this was read, null before the first read
     */
    public record Standing(boolean known, boolean registered, boolean active, boolean jailed, Instant jailEndsAt,
                           BigInteger stake, BigInteger stakeChange, long contributionScore, long reputationScore,
                           long inferenceScore, long tasksCompleted, Slash lastSlash, BigInteger earnings,
                           BigInteger locked, BigInteger available, Instant readAt) {
        public static final Standing UNKNOWN = new Standing(false, false, false, false, null, null, BigInteger.ZERO,
                -1, -1, -1, -1, null, null, null, null, null);

        public Standing {
            stakeChange = stakeChange == null ? BigInteger.ZERO : stakeChange;
        }

        /** How long the jail still lasts at {@code now}; zero when not jailed, or when the end is not known. */
        public java.time.Duration jailRemaining(Instant now) {
            if (!jailed || jailEndsAt == null || !jailEndsAt.isAfter(now)) {
                return java.time.Duration.ZERO;
            }
            return java.time.Duration.between(now, jailEndsAt);
        }
    }
}
