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
 * refused, {@code registered:false}). Thread-safe; re-registration is rate-limited to once per 10 s.
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
        RegisterMinerRequest request = RegisterMinerRequest.signed(key, profile.gpuModel(), profile.vramMb(),
                profile.benchmarkScore(), profile.backend(), profile.os(), profile.arch(), profile.cpuModel(),
                profile.cpuCores(), profile.totalMemoryMb(), profile.version());
        RegisterResult r = health.call(() -> rpc.registerMiner(request));
        wanted.set(!r.registered());
        feed.publish(new MinerEvent.Registered(feed.now(), key.address().toString(), r.registered(), r.assignedTier(),
                r.message() == null ? "" : r.message(), (int) profile.benchmarkScore()));
        return r;
    }

    /** Asks for a registration at the next {@link #registerIfWanted()} (the node seems to have forgotten the miner). */
    public void requestRegistration(String why) {
        if (!wanted.getAndSet(true)) {
            LOG.info("registering again: {}", why);
        }
    }

    /** Registers if someone asked for it and the last attempt is over 10 s old; failures are logged and kept wanted. */
    public void registerIfWanted() {
        if (!wanted.get()) {
            return;
        }
        synchronized (this) {
            if (Duration.between(lastAttempt, feed.now()).compareTo(MIN_GAP) < 0) {
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

    public boolean registrationWanted() {
        return wanted.get();
    }
}
