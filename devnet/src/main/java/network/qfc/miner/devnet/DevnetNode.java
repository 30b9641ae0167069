package network.qfc.miner.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
import network.qfc.miner.devnet.chain.MinerRegistry;
import network.qfc.miner.devnet.chain.ValidatorStanding;
import network.qfc.miner.devnet.http.DevnetHttpServer;
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
 * A QFC node for one computer: a qfc-core node's JSON-RPC for miners (registration, tasks, proofs, standing) with the
 * rules of the {@link NodeGeneration} it plays (proof layout, who may submit, epoch or timestamp rule, model/FLOPs
 * checks, spot checks by re-execution, known-answer challenges, slashing and jail), on loopback unless told otherwise.
 * Its clock may run offset from this computer's ({@link DevnetConfig#nodeClock()}); every HTTP answer carries a
 * {@code Date} header from it. Built by {@link #start(DevnetConfig)}; {@link #close()} stops it. Every object of the
 * node is born in {@link #start(DevnetConfig, Optional)}.
 */
public final class DevnetNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetNode.class);
    private final DevnetConfig config;
    private final DevnetHttpServer server;
    private final ScheduledExecutorService ticker;
    private final DevnetState state;
    private final EpochClock epochs;
    private final TaskBoard tasks;
    private final MinerRegistry registry;
    private final ProofVerifier verifier;
    private final Optional<SpotCheckVerifier> reexecution;
    private final List<DevnetListener> listeners;
    private final URI url;

    private DevnetNode(DevnetConfig config, DevnetHttpServer server, ScheduledExecutorService ticker, DevnetState state,
            EpochClock epochs, TaskBoard tasks, MinerRegistry registry, ProofVerifier verifier,
            Optional<SpotCheckVerifier> reexecution, List<DevnetListener> listeners) {
        this.config = config;
        this.server = server;
        this.ticker = ticker;
        this.state = state;
        this.epochs = epochs;
        this.tasks = tasks;
        this.registry = registry;
        this.verifier = verifier;
        this.reexecution = reexecution;
        this.listeners = listeners;
        String host = server.address().getAddress().getHostAddress();
        this.url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.address().getPort() + "/");
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
        EpochClock epochs = new EpochClock(config.nodeClock(), config.epochMs());
        DevnetState state = new DevnetState(epochs, events);
        for (String key : config.validatorPublicKeys()) {
            state.admit(Hex.decodeFixed("validator public key", key, 32), config.defaultStakeWei());
        }
        NodeEmulation emulation = config.emulation();
        TaskBoard tasks = new TaskBoard(TaskCorpus.builtIn(), epochs, config.syntheticRate(), config.taskDeadlineMs(),
                System.nanoTime(), new TaskBoard.Mix(emulation.speechRate(), emulation.llmRate(),
                        emulation.epochTrap() || config.generation().isLatest()));
        RewardBook rewards = new RewardBook();
        MinerRegistry registry = new MinerRegistry();
        ProofVerifier verifier = new ProofVerifier(config, epochs, state, registry, tasks, rewards, reexecution, events);
        RpcDispatcher rpc = new RpcDispatcher();
        new MinerMethods(config, state, registry, epochs, tasks, new ChallengeSchedule(config.challengeRate()), verifier,
                events).registerOn(rpc);
        new StandingMethods(state, epochs, rewards, config.generation().nodeVersion()).registerOn(rpc);

        DevnetHttpServer server;
        try {
            server = DevnetHttpServer.start(config.bindAddress(), config.port(), 64, config.nodeClock(),
                    new JsonRpcHttpHandler(rpc), JsonRpcHttpHandler.MAX_BODY_BYTES, "devnet-rpc");
        } catch (IOException e) {
            reexecution.ifPresent(SpotCheckVerifier::close);
            throw new UncheckedIOException("the devnet cannot listen on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + " (" + e.getMessage() + "): choose another --port, or 0 for any free port", e);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("devnet-ticker"));
        ticker.scheduleWithFixedDelay(state::tick, 1, 1, TimeUnit.SECONDS);
        DevnetNode node = new DevnetNode(config, server, ticker, state, epochs, tasks, registry, verifier, reexecution,
                listeners);
        LOG.info("devnet ({} node, {}) listening on {} ({})", config.generation(),
                config.generation().layout().displayName(), node.url, node.reachability());
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
        return server.address().getPort();
    }

    /** Whether only this computer can reach the node. */
    public boolean loopbackOnly() {
        return server.address().getAddress().isLoopbackAddress();
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

    /** The node's clock now, in ms since the Unix epoch (this computer's clock plus the configured offset). */
    public long nodeTimeMs() {
        return epochs.nowMs();
    }

    /** The miner registry of the newer generations (empty and unused on v2.0). */
    public MinerRegistry registry() {
        return registry;
    }

    /** Forgets every miner registration now, as a node restart does (validators stay). */
    public void forgetRegistrations() {
        registry.forgetAll();
    }

    /** How many tasks the miner cannot run (speech to text, LLM "embeddings") were handed out. */
    public long unrunnableTasksIssued() {
        return tasks.unrunnableIssued();
    }

    /** How many proofs came for such tasks (a miner that skips them sends none). */
    public long proofsForUnrunnableTasks() {
        return verifier.proofsForUnrunnableTasks();
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
        server.close();
        ticker.shutdownNow();
        reexecution.ifPresent(SpotCheckVerifier::close);
        LOG.info("devnet on {} stopped", url);
    }
}
