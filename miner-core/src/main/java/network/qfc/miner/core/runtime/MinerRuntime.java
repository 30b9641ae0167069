package network.qfc.miner.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.events.LiveSnapshot;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.mining.GateDecision;
import network.qfc.miner.core.mining.LayoutNegotiator;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.mining.NodeClock;
import network.qfc.miner.core.mining.NodeEpoch;
import network.qfc.miner.core.mining.NodeHealth;
import network.qfc.miner.core.mining.NodeScore;
import network.qfc.miner.core.mining.ProofMaker;
import network.qfc.miner.core.mining.ProofReissuer;
import network.qfc.miner.core.mining.ProofSubmitter;
import network.qfc.miner.core.mining.Registrar;
import network.qfc.miner.core.mining.StandingPoller;
import network.qfc.miner.core.mining.StandingTracker;
import network.qfc.miner.core.mining.StatusReporter;
import network.qfc.miner.core.mining.StopSignal;
import network.qfc.miner.core.mining.SubmitRetryPolicy;
import network.qfc.miner.core.mining.TaskLoop;
import network.qfc.miner.core.mining.UnreachableBackoff;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.protocol.rpc.NodeInfo;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RegisterResult;
import network.qfc.miner.core.protocol.rpc.RpcException;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.TierClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root of a miner: builds every part from {@link MinerSettings} (key, probe, model cache,
 * engine, journal, node client, registrar, submitter, loop, standing poller, status reporter, event bus, snapshot)
 * and starts and stops them in order. The headless {@code mine} command and the desktop app both use it.
 *
 * <p>Lifecycle: {@link #start()} completes once the miner is registered and running (exceptionally on a fatal
 * error, with a message for a person); {@link #stop()} finishes the task in hand, sends what it can, journals the
 * rest, and completes when everything is closed; {@link #stopped()} completes when the miner has stopped for any
 * reason (max proofs, duration, stop, fatal error: exceptionally). Start-up and shutdown run on
 * {@code qfc-miner-lifecycle}; polls on {@code qfc-node-watch}.
 */
public final class MinerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinerRuntime.class);

    /** How often a refused registration is tried again (the user may fix the cause meanwhile). */
    private static final Duration REGISTRATION_RETRY = Duration.ofMinutes(1);

    private final MinerSettings settings;
    private final Clock clock;
    /** The process's services when this session runs inside them (null: the session owns its own parts). */
    private final MinerServices services;
    private final EventBus bus;
    private final LiveSnapshot live;
    private final MinerFeed feed;
    private final JournalShelf journals;
    private final ExecutorService lifecycle;
    private final ScheduledExecutorService watch;
    private final StopSignal abortStart = new StopSignal();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private CompletableFuture<Void> stopping;

    // built by start(), on the lifecycle thread
    private volatile ProofJournal journal;
    private volatile ValidatorKey key;
    private volatile ModelCache modelCache;
    private volatile PreparedCompute compute;
    private volatile QfcRpcClient rpc;
    private volatile ProofSubmitter submitter;
    private volatile TaskLoop loop;
    private volatile StandingTracker tracker;
    private volatile StandingPoller poller;
    private volatile Registrar registrar;

    public MinerRuntime(MinerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public MinerRuntime(MinerSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    /**
     * A session inside {@code services} (their journals, bus, model cache and probe, which outlive it), or, when it
     * is null, with parts of its own in the settings' folders, closed when it stops.
     */
    MinerRuntime(MinerSettings settings, Clock clock, MinerServices services) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.live = new LiveSnapshot(MinerSnapshot.starting(settings.rpcUrl(), settings.computeMode().wireName(),
                clock.instant()), clock);
        this.services = services;
        if (services != null) {
            this.bus = services.events();
            this.journals = services.journals();
        } else {
            this.bus = new EventBus();
            this.journals = new JournalShelf(settings.directories().data(), clock);
            bus.subscribe("journal", new EventJournaler(journals::current)::onEvent);
        }
        this.feed = new MinerFeed(bus, live, clock);
        this.lifecycle = Executors.newSingleThreadExecutor(r -> daemon(r, "qfc-miner-lifecycle"));
        java.util.concurrent.ScheduledThreadPoolExecutor w =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> daemon(r, "qfc-node-watch"));
        // on stop, timers not yet due (the --duration stop) are dropped, periodic polls end after the running one
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        w.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.watch = w;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public MinerSettings settings() {
        return settings;
    }

    /** The state now, as one immutable value. */
    public MinerSnapshot snapshot() {
        return live.get();
    }

    /** The event stream; subscribe before {@link #start()} to see every event. */
    public EventBus events() {
        return bus;
    }

    /**
     * The proof journal of the network being mined (history, counters, standings); before the node is identified, the
     * journal of the network used last (null when there is none). Open as long as its shelf.
     */
    public ProofJournal journal() {
        ProofJournal j = journal;
        return j != null ? j : journals.current().orElse(null);
    }

    /** Completes when the miner has stopped; exceptionally when a fatal error stopped it. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** Starts mining; completes when registered and running, exceptionally (a readable message) on a fatal error. */
    public synchronized CompletableFuture<Void> start() {
        if (stopping != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this miner was stopped; build a new one"));
        }
        if (services != null) {
            services.governor().setMining(true); // sample the machine, decide every 2 s
        }
        if (settings.duration() != null) {
            // counted from here, so it also ends a start-up that is waiting to retry an unreachable node
            watch.schedule(() -> stop("the --duration of " + settings.duration().toSeconds() + " s has passed"),
                    settings.duration().toMillis(), TimeUnit.MILLISECONDS);
        }
        lifecycle.execute(() -> {
            try {
                startNow();
                started.complete(null);
            } catch (RuntimeException | Error e) {
                String reason = abortStart.isRaised() ? "stopped during start-up" : message(e);
                if (!abortStart.isRaised()) {
                    LOG.debug("start-up failed", e);
                    feed.publish(new MinerEvent.Error(feed.now(), reason, true));
                }
                MinerStartException failure = new MinerStartException(reason, e);
                started.completeExceptionally(abortStart.isRaised() ? e : failure);
                stopWith(reason, abortStart.isRaised() ? null : failure);
            }
        });
        return started;
    }

    private void startNow() {
        state(MinerState.STARTING, "loading the validator key");
        key = settings.keySource().load();
        feed.update(s -> s.withAddress(key.address().toString()));
        state(MinerState.STARTING, "probing the hardware");
        HardwareReport report = services != null ? services.hardware() : HardwareProbe.ofThisMachine().probe();
        TierAssessment assessment = new TierClassifier().assess(report, Optional.empty());
        modelCache = services != null ? services.models(settings.modelDir()) : new ModelCache(settings.modelDir(),
                ModelRegistry.bundled(), new ModelDownloader(ModelDownloader.Settings.defaults()), OfflineSeed.fromClassPath());
        state(MinerState.STARTING, "preparing the model and the engine");
        compute = new ComputeBootstrap(settings, modelCache, feed).prepare(report, assessment);
        checkNotAborted();
        rpc = new QfcRpcClient(settings.rpcUrl());
        NodeClock nodeClock = NodeClock.publishingTo(feed);
        rpc.onNodeTime(nodeClock);
        NodeEpoch nodeEpoch = new NodeEpoch();
        NodeHealth health = new NodeHealth(feed, rpc.nodeName());
        registrar = new Registrar(rpc, key, compute.profile(), health, feed);
        health.whenBack(() -> registrar.requestRegistration("the node answers again: it may have restarted"));
        state(MinerState.STARTING, "registering with " + rpc.nodeName());
        register(health); // identifies the network first: every event of the session goes to its journal
        // the layout this node answered to is remembered in its network's journal, known only now
        LayoutNegotiator layouts = new LayoutNegotiator(journal, rpc.nodeName(), feed);
        tracker = new StandingTracker(settings.assumedJail());
        poller = new StandingPoller(rpc, key.address(), tracker, registrar, health, feed, u -> { });
        submitter = new ProofSubmitter(rpc, journal, new SubmitRetryPolicy(), health, feed, this::onAnswer,
                tracker::jailed, registrar, new ProofReissuer(key, nodeClock, nodeEpoch),
                layouts);
        submitter.start();
        int resent = submitter.resendJournaled();
        if (resent > 0) {
            LOG.info("resending {} proof(s) signed by an earlier run", resent);
        }
        StatusReporter status = new StatusReporter(rpc, key,
                () -> compute.computes() ? compute.engine().layers() : java.util.Map.of(), submitter::pending,
                registrar, health, clock.millis());
        watch.scheduleWithFixedDelay(poller, 0, settings.standingPeriod().toMillis(), TimeUnit.MILLISECONDS);
        watch.scheduleWithFixedDelay(status, 0, settings.statusPeriod().toMillis(), TimeUnit.MILLISECONDS);
        checkNotAborted();
        if (compute.computes()) {
            MiningGate gate = tracker.gate(clock).and(settings.governor());
            ProofMaker maker = new ProofMaker(compute.engine(), new ModelFolders(modelCache)::folder, key,
                    nodeClock.clock(), settings.tamper(), nodeEpoch, layouts::current);
            loop = new TaskLoop(rpc, key.address(), compute.profile(), maker, journal, submitter, registrar, gate,
                    health, feed, settings.maxProofs(), nodeClock, compute.inferenceWorkers());
            state(MinerState.RUNNING, "running");
            loop.start().whenComplete((v, e) -> {
                if (e != null) {
                    feed.publish(new MinerEvent.Error(feed.now(), "the mining loop stopped: " + message(e), true));
                    stopWith("the mining loop failed: " + message(e), e);
                }
            });
        } else {
            state(MinerState.PAUSED, compute.noCompute());
            feed.publish(new MinerEvent.Paused(feed.now(), compute.noCompute()));
        }
    }

    private void register(NodeHealth health) {
        UnreachableBackoff backoff = new UnreachableBackoff(() -> ThreadLocalRandom.current().nextDouble());
        while (true) {
            checkNotAborted();
            try {
                if (journal == null) {
                    identifyNetwork(health);
                }
                RegisterResult r = registrar.register();
                if (r.registered()) {
                    return;
                }
                // never a dead end: the node's words and what to do, and the miner stays up and tries again
                String advice = NodeScore.adviceFor(r.message(), key.address().toString());
                feed.publish(new MinerEvent.Error(feed.now(), advice, false));
                state(MinerState.PAUSED, advice);
                abortStart.sleep(REGISTRATION_RETRY);
                continue;
            } catch (RpcException e) {
                if (!e.isTransient()) {
                    throw new IllegalStateException("registration failed: " + e.getMessage(), e);
                }
                Duration wait = backoff.nextDelay();
                state(MinerState.UNREACHABLE, "node unreachable, retrying registration in " + wait.toSeconds() + " s");
                health.unreachable(e.getMessage(), wait);
                abortStart.sleep(wait);
            }
        }
    }

    /** Finds which network the node serves and opens its journal: nothing of another network is resent or shown. */
    private void identifyNetwork(NodeHealth health) {
        NetworkIdentifier.Identified id = NetworkIdentifier.identify(rpc, health, settings.rpcUrl());
        NodeInfo info = id.info();
        if (info != null) {
            feed.update(s -> s.withNode(s.node().identified(String.valueOf(info.chainId()), info.version())));
        }
        journal = journals.forNetwork(id.network());
        LOG.info("mining on {}: journal {}", id.network().describe(), journal.file());
    }

    private void onAnswer(String taskId, boolean accepted, boolean spotChecked, String message, Instant at) {
        StandingTracker.Update u = tracker.onProofAnswered(taskId, accepted, spotChecked, message, at);
        poller.apply(u);
        if (settings.maxProofs() > 0 && submitter.answered() >= settings.maxProofs()) {
            stop(settings.maxProofs() + " proof(s) answered (--max-proofs)");
        }
    }

    private void checkNotAborted() {
        if (abortStart.isRaised()) {
            throw new IllegalStateException("stopped during start-up");
        }
    }

    /** Stops cleanly (the user asked); completes when everything is closed. */
    public CompletableFuture<Void> stop() {
        return stop("stopped by the user");
    }

    /** Stops cleanly, saying why. */
    public CompletableFuture<Void> stop(String reason) {
        return stopWith(reason, null);
    }

    private synchronized CompletableFuture<Void> stopWith(String reason, Throwable fatal) {
        if (stopping != null) {
            return stopping;
        }
        abortStart.raise();
        if (loop != null) {
            loop.stop();
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        stopping = f;
        Thread t = daemon(() -> {
            shutdown(reason, fatal);
            f.complete(null);
        }, "qfc-miner-stop");
        t.start();
        return f;
    }

    /** Runs once, on the {@code qfc-miner-stop} thread. */
    private void shutdown(String reason, Throwable fatal) {
        state(MinerState.STOPPING, reason);
        TaskLoop l = loop;
        if (l != null) {
            l.stop();
            if (!l.awaitStopped(Duration.ofSeconds(60))) {
                LOG.warn("the mining loop did not stop within 60 s");
            }
        }
        lifecycle.shutdown();
        try {
            lifecycle.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProofSubmitter s = submitter;
        if (s != null) {
            s.close(Duration.ofSeconds(5));
        }
        // a standing poll or status report under way finishes (its calls have timeouts) so the last standing is
        // published; nothing new starts
        watch.shutdown();
        try {
            if (!watch.awaitTermination(3, TimeUnit.SECONDS)) {
                watch.shutdownNow();
            }
        } catch (InterruptedException e) {
            watch.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeQuietly(rpc);
        if (compute != null && compute.engine() != null) {
            closeQuietly(compute.inferenceWorkers());
            closeQuietly(compute.engine());
        }
        if (services == null) {
            closeQuietly(modelCache);
        }
        if (key != null) {
            key.destroy();
        }
        boolean clean = fatal == null;
        state(clean ? MinerState.STOPPED : MinerState.FAILED, reason);
        feed.publish(new MinerEvent.Stopped(feed.now(), reason, clean));
        if (services == null) {
            bus.close(Duration.ofSeconds(5));
            closeQuietly(journals);
        } else {
            services.governor().setMining(false);
        }
        if (clean) {
            stopped.complete(null);
        } else {
            stopped.completeExceptionally(fatal);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }

    private void state(MinerState s, String reason) {
        feed.update(x -> x.withState(s, reason));
    }

    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Stops and waits (at most 90 s). */
    @Override
    public void close() {
        stop().orTimeout(90, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /** Whether the gate would let the loop fetch now (for tests and the UI). */
    GateDecision gateNow() {
        return tracker == null ? GateDecision.RUN : tracker.gate(clock).decide();
    }
}
