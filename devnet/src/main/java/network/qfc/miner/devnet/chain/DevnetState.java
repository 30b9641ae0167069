package network.qfc.miner.devnet.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.devnet.DevnetEvent;

/**
 * The validator set of a devnet: stakes, reputation, jail, inference score and tasks. Thread-safe (every method
 * holds this object's lock, briefly; no I/O under it). Jails end by themselves: every read first releases the
 * validators whose jail time has passed on the devnet's clock (the node's {@code process_unjails}).
 */
public final class DevnetState {
    /** The node's starting reputation (50 %). */
    public static final int START_REPUTATION = 5000;

    private final EpochClock clock;
    private final Consumer<DevnetEvent> events;
    private final Map<Address, Validator> validators = new LinkedHashMap<>();
    private final Map<String, Integer> submissionsByTask = new HashMap<>();

    public DevnetState(EpochClock clock, Consumer<DevnetEvent> events) {
        this.clock = clock;
        this.events = events;
    }

    /** Adds a validator (no-op when it is already one). Returns whether it was added. */
    public boolean admit(byte[] publicKey, BigInteger stakeWei) {
        Address address = Address.ofPublicKey(publicKey);
        synchronized (this) {
            if (validators.containsKey(address)) {
                return false;
            }
            validators.put(address, new Validator(address, publicKey.clone(), stakeWei, clock.nowMs()));
            return true;
        }
    }

    public Optional<ValidatorStanding> standing(Address address) {
        List<DevnetEvent> unjailed;
        Optional<ValidatorStanding> out;
        synchronized (this) {
            unjailed = releaseJails();
            Validator v = validators.get(address);
            out = Optional.ofNullable(v).map(Validator::snapshot);
        }
        unjailed.forEach(events);
        return out;
    }

    /** Every validator, in admission order. */
    public List<ValidatorStanding> validators() {
        List<DevnetEvent> unjailed;
        List<ValidatorStanding> out = new ArrayList<>();
        synchronized (this) {
            unjailed = releaseJails();
            validators.values().forEach(v -> out.add(v.snapshot()));
        }
        unjailed.forEach(events);
        return out;
    }

    /** Releases validators whose jail has ended and tells the listeners. Called by reads and by the node's ticker. */
    public void tick() {
        List<DevnetEvent> unjailed;
        synchronized (this) {
            unjailed = releaseJails();
        }
        unjailed.forEach(events);
    }

    /** The public key of a validator, if it is one. */
    public synchronized Optional<byte[]> publicKey(Address address) {
        Validator v = validators.get(address);
        return v == null ? Optional.empty() : Optional.of(v.publicKey.clone());
    }

    /** Records a miner profile (the node's {@code register_miner_profile}): provides compute from now on. */
    public synchronized void registerProfile(Address address, String gpuModel, long benchmarkScore, int tier, long vramMb,
            String backend) {
        Validator v = validators.get(address);
        if (v != null) {
            v.gpuModel = gpuModel;
            v.benchmarkScore = benchmarkScore;
            v.tier = tier;
            v.vramMb = vramMb;
            v.backend = backend;
            v.providesCompute = true;
        }
    }

    /** An accepted proof: inference score += flops, tasks += 1 (the node's {@code update_inference_score}). */
    public synchronized void recordAccepted(Address address, long flops, long executionMs) {
        Validator v = validators.get(address);
        if (v != null) {
            v.inferenceScore = saturatingAdd(v.inferenceScore, flops);
            v.tasksCompleted += 1;
            v.flopsTotal = saturatingAdd(v.flopsTotal, flops);
            v.executionMsTotal = saturatingAdd(v.executionMsTotal, executionMs);
        }
    }

    /**
     * Counts a task handed to this validator and returns how many it was handed before (0 for its first), or -1 when
     * the address is not a validator. The challenge draw is keyed on it, so every fetch is a fresh draw.
     */
    public synchronized long countFetch(Address address) {
        Validator v = validators.get(address);
        return v == null ? -1 : v.tasksFetched++;
    }

    /** Counts one spot check or challenge, passed or failed, toward the verification pass rate. */
    public synchronized void recordVerification(Address address, boolean passed) {
        Validator v = validators.get(address);
        if (v != null) {
            if (passed) {
                v.verificationsPassed++;
            } else {
                v.verificationsFailed++;
            }
        }
    }

    /** Counts a submission for a task id and returns how many there have been (1 = first). */
    public synchronized int recordSubmission(String taskIdHex) {
        return submissionsByTask.merge(Hex.normalize(taskIdHex), 1, Integer::sum);
    }

    /** How many proofs were submitted for a task id (0 = none): lets tests see a double submission. */
    public synchronized int submissionsFor(String taskIdHex) {
        return submissionsByTask.getOrDefault(Hex.normalize(taskIdHex), 0);
    }

    /**
     * The node's {@code slash_validator}: the consensus stake loses {@code percent} %, reputation loses 2000 (not below
     * 0), and with {@code jailMs > 0} the validator is jailed that long. Empty when the address is not a validator.
     */
    public Optional<DevnetEvent.Slashed> slash(Address address, int percent, long jailMs, String cause) {
        DevnetEvent.Slashed event;
        synchronized (this) {
            Validator v = validators.get(address);
            if (v == null) {
                return Optional.empty();
            }
            BigInteger amount = v.consensusStake.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
            v.consensusStake = v.consensusStake.subtract(amount).max(BigInteger.ZERO);
            v.reputation = Math.max(0, v.reputation - 2000);
            v.slashCount++;
            if (jailMs > 0) {
                v.jailed = true;
                v.jailUntil = saturatingAdd(clock.nowMs(), jailMs);
            }
            event = new DevnetEvent.Slashed(address, cause, amount, v.consensusStake, v.reputation,
                    v.jailed ? v.jailUntil : 0);
        }
        events.accept(event);
        return Optional.of(event);
    }

    /** The node's {@code reduce_reputation} (saturating at 0). */
    public synchronized void reduceReputation(Address address, int amount) {
        Validator v = validators.get(address);
        if (v != null) {
            v.reputation = Math.max(0, v.reputation - amount);
        }
    }

    /** Records a challenge verdict; returns the consecutive failures after it (0 after a pass). */
    public synchronized int recordChallenge(Address address, boolean passed) {
        Validator v = validators.get(address);
        if (v == null) {
            return 0;
        }
        v.challengeConsecutiveFailures = passed ? 0 : v.challengeConsecutiveFailures + 1;
        return v.challengeConsecutiveFailures;
    }

    private List<DevnetEvent> releaseJails() {
        long now = clock.nowMs();
        List<DevnetEvent> out = new ArrayList<>(0);
        for (Validator v : validators.values()) {
            if (v.jailed && v.jailUntil != Long.MAX_VALUE && now >= v.jailUntil) {
                v.jailed = false;
                v.jailUntil = 0;
                out.add(new DevnetEvent.Unjailed(v.address));
            }
        }
        return out;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** The mutable record behind a standing; only touched under the state's lock. */
    private static final class Validator {
        final Address address;
        final byte[] publicKey;
        final BigInteger chainStake;
        final long registeredAt;
        BigInteger consensusStake;
        int reputation = START_REPUTATION;
        boolean jailed;
        long jailUntil;
        long inferenceScore;
        long tasksCompleted;
        long tasksFetched;
        boolean providesCompute;
        String gpuModel = "";
        long benchmarkScore;
        int tier;
        long vramMb;
        String backend = "";
        long verificationsPassed;
        long verificationsFailed;
        int slashCount;
        long flopsTotal;
        long executionMsTotal;
        int challengeConsecutiveFailures;

        Validator(Address address, byte[] publicKey, BigInteger stake, long registeredAt) {
            this.address = address;
            this.publicKey = publicKey;
            this.chainStake = stake;
            this.consensusStake = stake;
            this.registeredAt = registeredAt;
        }

        ValidatorStanding snapshot() {
            return new ValidatorStanding(address, Hex.encode(publicKey), chainStake, consensusStake, reputation, jailed,
                    jailUntil, inferenceScore, tasksCompleted, providesCompute, gpuModel, benchmarkScore, tier, vramMb,
                    backend, verificationsPassed, verificationsFailed, slashCount, flopsTotal, executionMsTotal);
        }
    }
}
