package network.qfc.miner.devnet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.devnet.chain.DevnetState;
import network.qfc.miner.devnet.chain.EpochClock;
import network.qfc.miner.devnet.chain.ValidatorStanding;
import network.qfc.miner.devnet.rewards.RewardBook;
import network.qfc.miner.devnet.rpc.JsonRpcHttpHandler;
import network.qfc.miner.devnet.rpc.MinerMethods;
import network.qfc.miner.devnet.rpc.RpcDispatcher;
import network.qfc.miner.devnet.rpc.StandingMethods;
import network.qfc.miner.devnet.tasks.ChallengeSchedule;
import network.qfc.miner.devnet.tasks.TaskBoard;
import network.qfc.miner.devnet.tasks.TaskCorpus;
import network.qfc.miner.devnet.verify.EngineSpotCheckVerifier;
import network.qfc.miner.devnet.verify.ProofVerifier;
import network.qfc.miner.devnet.verify.SpotCheckVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QFC node for one computer: the v2.0 node's JSON-RPC for miners (registration, tasks, proofs, standing) with its
 * rules (validators, epochs, signature/epoch/model/FLOPs checks, spot checks by re-execution, known-answer challenges,
 * slashing and jail), on loopback unless told otherwise. Built by {@link #start(DevnetConfig)}; {@link #close()} stops
 * it. Every object of the node is born in {@link #start(DevnetConfig, Optional)}.
 */
public final class DevnetNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetNode.class);
    private static final int RPC_THREADS = 8;

    static {
        // The JDK server writes the response headers and body separately; with Nagle on, a client that keeps its
        // connection alive waits for a delayed ACK on every call (measured: 48 ms per call -> 0.8 ms with NODELAY).
        // Read once per JVM, when the first com.sun.net.httpserver server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final DevnetConfig config;
    private final HttpServer server;
    private final ExecutorService rpcThreads;
    private final ScheduledExecutorService ticker;
    private final DevnetState state;
    private final EpochClock epochs;
    private final TaskBoard tasks;
    private final Optional<SpotCheckVerifier> reexecution;
    private final List<DevnetListener> listeners;
    private final URI url;

    private DevnetNode(DevnetConfig config, HttpServer server, ExecutorService rpcThreads, ScheduledExecutorService ticker,
            DevnetState state, EpochClock epochs, TaskBoard tasks, Optional<SpotCheckVerifier> reexecution,
            List<DevnetListener> listeners) {
        this.config = config;
        this.server = server;
        this.rpcThreads = rpcThreads;
        this.ticker = ticker;
        this.state = state;
        this.epochs = epochs;
        this.tasks = tasks;
        this.reexecution = reexecution;
        this.listeners = listeners;
        String host = server.getAddress().getAddress().getHostAddress();
        this.url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort() + "/");
    }

    /**
     * Starts a devnet. With a {@link DevnetConfig#modelDir()} the spot checks re-execute on the CPU with the project's
     * engine (natives unpacked in the app's native cache).
     */
    public static DevnetNode start(DevnetConfig config) {
        Optional<SpotCheckVerifier> verifier = config.modelDir().map(dir -> new EngineSpotCheckVerifier(
                new EngineConfig(BackendPreference.CPU, 1, AppDirectories.forThisProcess().nativeCache(),
                        EngineConfig.DEFAULT_MEMORY_BUDGET_MB),
                Map.of(new ModelId(TaskBoard.MODEL_NAME, TaskBoard.MODEL_VERSION), dir)));
        return start(config, verifier);
    }

    /** Starts a devnet that re-executes spot checks with {@code reexecution} (closed with the node). */
    public static DevnetNode start(DevnetConfig config, Optional<SpotCheckVerifier> reexecution) {
        List<DevnetListener> listeners = new CopyOnWriteArrayList<>();
        java.util.function.Consumer<DevnetEvent> events = e -> {
            for (DevnetListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.warn("a devnet listener failed on {}: {}", e, ex.toString());
                }
            }
        };
        EpochClock epochs = new EpochClock(config.clock(), config.epochMs());
        DevnetState state = new DevnetState(epochs, events);
        for (String key : config.validatorPublicKeys()) {
            state.admit(Hex.decodeFixed("validator public key", key, 32), config.defaultStakeWei());
        }
        TaskBoard tasks = new TaskBoard(TaskCorpus.builtIn(), epochs, config.syntheticRate(), config.taskDeadlineMs(),
                System.nanoTime());
        RewardBook rewards = new RewardBook();
        ProofVerifier verifier = new ProofVerifier(config, epochs, state, tasks, rewards, reexecution, events);
        RpcDispatcher rpc = new RpcDispatcher();
        new MinerMethods(config, state, tasks, new ChallengeSchedule(config.challengeRate()), verifier, events)
                .registerOn(rpc);
        new StandingMethods(state, epochs, rewards).registerOn(rpc);

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
        } catch (IOException e) {
            reexecution.ifPresent(SpotCheckVerifier::close);
            throw new UncheckedIOException("the devnet cannot listen on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + " (" + e.getMessage() + "): choose another --port, or 0 for any free port", e);
        }
        ExecutorService rpcThreads = Executors.newFixedThreadPool(RPC_THREADS, named("devnet-rpc"));
        server.createContext("/", new JsonRpcHttpHandler(rpc));
        server.setExecutor(rpcThreads);
        server.start();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("devnet-ticker"));
        ticker.scheduleWithFixedDelay(state::tick, 1, 1, TimeUnit.SECONDS);
        DevnetNode node = new DevnetNode(config, server, rpcThreads, ticker, state, epochs, tasks, reexecution, listeners);
        LOG.info("devnet listening on {} ({})", node.url, node.reachability());
        return node;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Where the JSON-RPC server listens, e.g. {@code http://127.0.0.1:8545/}. */
    public URI url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Whether only this computer can reach the node. */
    public boolean loopbackOnly() {
        return server.getAddress().getAddress().isLoopbackAddress();
    }

    /** "loopback only" or a warning that other machines can reach it. */
    public String reachability() {
        return loopbackOnly() ? "loopback only: no other computer can reach it"
                : "NOT loopback: other computers on the network can reach it";
    }

    public DevnetConfig config() {
        return config;
    }

    /** The validator set, read-only. */
    public DevnetState state() {
        return state;
    }

    /** One validator's standing now (jails that ended are released first). */
    public Optional<ValidatorStanding> standing(Address address) {
        return state.standing(address);
    }

    /** The current epoch number. */
    public long currentEpoch() {
        return epochs.current();
    }

    /** Whether spot checks and challenges can re-execute (a model folder was given). */
    public boolean reexecutes() {
        return reexecution.isPresent();
    }

    /** How many issued tasks the node remembers for spot checks. */
    public int rememberedTasks() {
        return tasks.remembered();
    }

    public void addListener(DevnetListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DevnetListener listener) {
        listeners.remove(listener);
    }

    /** Demo/test hook: slash a validator as a failed spot check does (5 %, -2000 reputation, jailed for jailMs). */
    public Optional<DevnetEvent.Slashed> slash(Address validator, String cause) {
        return state.slash(validator, 5, config.jailMs(), cause);
    }

    @Override
    public void close() {
        server.stop(0);
        ticker.shutdownNow();
        rpcThreads.shutdownNow();
        try {
            rpcThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reexecution.ifPresent(SpotCheckVerifier::close);
        LOG.info("devnet on {} stopped", url);
    }
}
