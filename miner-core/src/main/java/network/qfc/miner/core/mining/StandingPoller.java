package network.qfc.miner.core.mining;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;
import network.qfc.miner.core.protocol.rpc.MinerEarnings;
import network.qfc.miner.core.protocol.rpc.MinerVesting;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import network.qfc.miner.core.protocol.rpc.ScoreBreakdown;
import network.qfc.miner.core.protocol.rpc.ValidatorInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the validator's standing (run every ~15 s by the runtime's scheduler): {@code qfc_getValidators},
 * {@code qfc_getValidatorScoreBreakdown}, {@code qfc_getStake}, and {@code qfc_getMinerEarnings [addr,"day"]} /
 * {@code qfc_getMinerVesting} where the node has them (-32601 means "not on this node": asked no more, not a failure).
 * Feeds the {@link StandingTracker}, publishes what changed, updates the snapshot, and asks the {@link Registrar} to
 * register again when the node no longer lists the validator.
 */
public final class StandingPoller implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StandingPoller.class);

    private final QfcRpcClient rpc;
    private final Address address;
    private final StandingTracker tracker;
    private final Registrar registrar;
    private final NodeHealth health;
    private final MinerFeed feed;
    private final Consumer<StandingTracker.Update> onUpdate;
    private volatile boolean earningsSupported = true;
    private volatile boolean vestingSupported = true;

    /** @param onUpdate told of every derived standing (the runtime journals it); may be a no-op */
    public StandingPoller(QfcRpcClient rpc, Address address, StandingTracker tracker, Registrar registrar,
                          NodeHealth health, MinerFeed feed, Consumer<StandingTracker.Update> onUpdate) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.address = Objects.requireNonNull(address, "address");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.health = Objects.requireNonNull(health, "health");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
    }

    /** One poll; never throws (a failure is logged, the next poll comes soon). */
    @Override
    public void run() {
        try {
            poll();
        } catch (RpcException e) {
            LOG.info("standing not read: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("standing poll failed", e);
        }
    }

    /** Reads, derives and publishes; returns the update. */
    public StandingTracker.Update poll() {
        StandingReading reading = read();
        StandingTracker.Update u = tracker.onReading(reading);
        apply(u);
        if (u.needsRegistration()) {
            registrar.notInValidatorSet("the node no longer lists this validator");
        } else if (reading.listed()) {
            registrar.inValidatorSet();
        }
        return u;
    }

    /** Publishes an update's events and puts its standing in the snapshot (also used for proof answers). */
    public void apply(StandingTracker.Update u) {
        feed.update(s -> s.withStanding(u.standing()));
        for (MinerEvent e : u.events()) {
            feed.publish(e);
        }
        onUpdate.accept(u);
    }

    private StandingReading read() {
        Instant at = feed.now(); // when the node was asked: what it says is as of then, not of the answer's arrival
        List<ValidatorInfo> validators = health.call(rpc::getValidators);
        Optional<ValidatorInfo> me = validators.stream().filter(v -> v.address().equals(address)).findFirst();
        if (me.isEmpty()) {
            return new StandingReading(at, false, false, null, null, -1, -1, -1, -1, null, null, null);
        }
        ValidatorInfo v = me.get();
        BigInteger consensusStake = null;
        long total = -1;
        long reputation = -1;
        try {
            ScoreBreakdown b = health.call(() -> rpc.getValidatorScoreBreakdown(address));
            consensusStake = b.stake();
            total = clampLong(b.totalScore());
            reputation = clampLong(b.reputationScore());
        } catch (RpcException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.debug("no score breakdown: {}", e.getMessage());
        }
        BigInteger chainStake = v.stake();
        try {
            chainStake = health.call(() -> rpc.getStake(address));
        } catch (RpcException e) {
            if (e.isTransient()) {
                throw e;
            }
        }
        BigInteger earnings = null;
        if (earningsSupported) {
            try {
                MinerEarnings m = health.call(() -> rpc.getMinerEarnings(address, EarningsPeriod.DAY));
                earnings = m.totalEarnings();
            } catch (RpcException e) {
                earningsSupported = supportedAfter(e, "qfc_getMinerEarnings");
            }
        }
        BigInteger locked = null;
        BigInteger available = null;
        if (vestingSupported) {
            try {
                MinerVesting m = health.call(() -> rpc.getMinerVesting(address));
                locked = m.locked();
                available = m.available();
            } catch (RpcException e) {
                vestingSupported = supportedAfter(e, "qfc_getMinerVesting");
            }
        }
        return new StandingReading(at, true, v.isActive(), consensusStake, chainStake, total, reputation,
                clampLong(v.inferenceScore()), clampLong(v.tasksCompleted()), earnings, locked, available);
    }

    private static boolean supportedAfter(RpcException e, String method) {
        if (e.kind() == RpcException.Kind.METHOD_NOT_SUPPORTED) {
            LOG.info("{} is not supported by this node; earnings are not shown", method);
            return false;
        }
        if (e.isTransient()) {
            throw e;
        }
        return true;
    }

    private static long clampLong(BigInteger v) {
        if (v == null) {
            return -1;
        }
        return v.bitLength() < 63 ? v.longValue() : Long.MAX_VALUE;
    }
}
