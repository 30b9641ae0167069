package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RegisterMinerRequest;
import network.qfc.miner.core.protocol.rpc.RegisterResult;
import network.qfc.miner.core.protocol.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the miner with {@code qfc_registerMiner} (v2.0 and v2.2 fields, signed), at start and again whenever a
 * part of the miner sees that the node forgot it (an unknown validator after a node restart, a status report
 * refused, {@code registered:false}). Thread-safe; re-registration after a success is immediate (a node that
 * restarted must not waste proofs); only after a failed attempt is the next one held back 10 s.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final Duration MIN_GAP = Duration.ofSeconds(10);

    private final QfcRpcClient rpc;
    private final ValidatorKey key;
    private final MinerProfile profile;
    private final NodeHealth health;
    private final MinerFeed feed;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private Instant lastAttempt = Instant.MIN;
    private Instant lastSuccess = Instant.MIN;
    private boolean lastFailed;
    /** When the validator set was last found without this key and a registration asked for because of it. */
    private Instant missAskedAt = Instant.MIN;
    private volatile boolean standalone;

    public Registrar(QfcRpcClient rpc, ValidatorKey key, MinerProfile profile, NodeHealth health, MinerFeed feed) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.key = Objects.requireNonNull(key, "key");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.health = Objects.requireNonNull(health, "health");
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    /**
     * Registers now and publishes {@code Registered}.
     *
     * @throws RpcException when the node cannot be reached or refuses the call
     */
    public synchronized RegisterResult register() {
        lastAttempt = feed.now();
        lastFailed = true; // until the node says registered
        NodeScore score = NodeScore.forGpu(profile.gpuModel(), profile.benchmarkScore());
        if (!score.why().isEmpty()) {
            LOG.info("benchmark score: {}", score.why());
        }
        RegisterMinerRequest request = RegisterMinerRequest.signed(key, profile.gpuModel(), profile.vramMb(),
                score.sent(), profile.backend(), profile.os(), profile.arch(), profile.cpuModel(),
                profile.cpuCores(), profile.totalMemoryMb(), profile.version());
        RegisterResult r = health.call(() -> rpc.registerMiner(request));
        wanted.set(!r.registered());
        lastFailed = !r.registered();
        if (r.registered()) {
            lastSuccess = feed.now();
        }
        feed.publish(new MinerEvent.Registered(feed.now(), key.address().toString(), r.registered(), r.assignedTier(),
                r.message() == null ? "" : r.message(), (int) score.sent(), (int) score.measured(), score.why()));
        return r;
    }

    /** Asks for a registration at the next {@link #registerIfWanted()} (the node seems to have forgotten the miner). */
    public void requestRegistration(String why) {
        if (!wanted.getAndSet(true)) {
            LOG.info("registering again: {}", why);
        }
    }

    /**
     * Registers if someone asked for it (at once, unless the last attempt failed under 10 s ago); failures are logged
     * and kept wanted.
     */
    public void registerIfWanted() {
        if (!wanted.get()) {
            return;
        }
        synchronized (this) {
            if (!wanted.get() || heldBack()) {
                return;
            }
            try {
                register();
            } catch (RpcException e) {
                wanted.set(true);
                LOG.warn("registering again failed: {}", e.getMessage());
            }
        }
    }

    /**
     * The node refused a proof sent at {@code sentAt} because it does not know the validator (it restarted and forgot
     * the miner): registers now, unless a registration succeeded after {@code sentAt} or the last attempt failed under
     * 10 s ago. True when the miner is registered after {@code sentAt}: the same proof may be sent again.
     */
    public synchronized boolean registeredAfter(Instant sentAt) {
        if (lastSuccess.isAfter(sentAt)) {
            return true;
        }
        if (heldBack()) {
            wanted.set(true);
            return false;
        }
        LOG.info("registering again: the node answered 'unknown miner' (or 'unknown validator') to a proof");
        try {
            return register().registered();
        } catch (RpcException e) {
            wanted.set(true);
            LOG.warn("registering again failed: {}", e.getMessage());
            return false;
        }
    }

    private boolean heldBack() {
        return lastFailed && Duration.between(lastAttempt, feed.now()).compareTo(MIN_GAP) < 0;
    }

    /**
     * The node's validator set does not hold this key (the status report answered {@code false}, or
     * {@code qfc_getValidators} does not list it). After a node restart that means "register again"; but a node that
     * takes standalone miners (C) registers them outside the validator set, and its status method and validator list
     * still look there only. So: the first miss asks for one registration; a miss after that registration succeeded
     * means this is a standalone miner: normal, no alarm, no re-registration loop (a proof answered "Unknown miner" still
     * registers again at once).
     */
    public synchronized void notInValidatorSet(String why) {
        if (standalone) {
            return;
        }
        if (!missAskedAt.equals(Instant.MIN) && lastSuccess.isAfter(missAskedAt)) {
            standalone = true;
            LOG.info("the node takes this key as a standalone miner (registered, not a validator): it can mine, and is"
                    + " neither scored nor slashed; its status report and validator list look at validators only");
            feed.update(s -> s.withNode(s.node().role(network.qfc.miner.core.events.MinerSnapshot.Node.STANDALONE)));
            return;
        }
        missAskedAt = feed.now();
        requestRegistration(why);
    }

    /** The node lists this key in its validator set. */
    public void inValidatorSet() {
        standalone = false;
        feed.update(s -> s.withNode(s.node().role(network.qfc.miner.core.events.MinerSnapshot.Node.VALIDATOR)));
    }

    /** True once the node showed this key registered as a miner but outside its validator set. */
    public boolean standalone() {
        return standalone;
    }

    public boolean registrationWanted() {
        return wanted.get();
    }
}
