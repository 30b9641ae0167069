package network.qfc.miner.app.desktop.mining;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import network.qfc.miner.app.EmbeddedDevnet;
import network.qfc.miner.app.MinerChoices;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerServices;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.models.ModelCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mining on and off for the desktop app: builds a {@link MinerRuntime} from the user's settings (the same
 * composition root the headless {@code mine} command uses), starts and stops it off the FX thread, and keeps the
 * embedded devnet alive while the "Devnet on this computer" network is chosen.
 */
public final class MiningControl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiningControl.class);

    private final AppDirectories dirs;
    private final MinerServices services;
    private final boolean ownsServices;
    private final ResumeMarker resume;
    private final Supplier<AppSettings> settings;
    private final PasswordSource password;
    private final Supplier<MiningGate> gate;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qfc-mining-control");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Optional<MinerRuntime>>> listeners = new CopyOnWriteArrayList<>();
    private volatile MinerRuntime runtime;
    private volatile boolean quietStart;
    private volatile boolean needsPassword;
    private volatile DevnetNode devnet;
    private volatile UnaryOperator<DevnetConfig> devnetTuning = UnaryOperator.identity();
    private volatile UnaryOperator<MinerSettings> minerTuning = UnaryOperator.identity();

    /**
     * @param password asks for the key file's password (keychain, then a dialog) when the runtime loads the key
     * @param gate     the governor's gate for each new runtime
     */
    public MiningControl(AppDirectories dirs, Supplier<AppSettings> settings, PasswordSource password,
            Supplier<MiningGate> gate) {
        this(MinerServices.start(dirs, modelRoot(settings.get()), GovernorPolicy.defaults(), Clock.systemUTC()), true,
                settings, password, gate);
    }

    /** Mining sessions inside the process's {@code services} (which the caller owns and closes). */
    public MiningControl(MinerServices services, Supplier<AppSettings> settings, PasswordSource password,
            Supplier<MiningGate> gate) {
        this(services, false, settings, password, gate);
    }

    private MiningControl(MinerServices services, boolean ownsServices, Supplier<AppSettings> settings,
            PasswordSource password, Supplier<MiningGate> gate) {
        this.services = services;
        this.ownsServices = ownsServices;
        this.dirs = services.directories();
        this.resume = new ResumeMarker(dirs.data().resolve("mining.on"));
        this.settings = settings;
        this.password = password;
        this.gate = gate;
    }

    /**
     * Changes the embedded devnet's and the miner's settings before they start: for demos (a short jail) and for the
     * app's own tests (100% spot checks and a miner that lies, to show a jail); the app itself changes nothing.
     */
    public MiningControl tune(UnaryOperator<DevnetConfig> devnetConfig, UnaryOperator<MinerSettings> minerSettings) {
        this.devnetTuning = devnetConfig;
        this.minerTuning = minerSettings;
        return this;
    }

    /** The process's services: journals, bus, model cache, probe, governor. */
    public MinerServices services() {
        return services;
    }

    /** The runtime now mining, or the one that mined last (its final snapshot), if any. */
    public Optional<MinerRuntime> current() {
        return Optional.ofNullable(runtime);
    }

    /** The embedded devnet, while one runs. */
    public Optional<DevnetNode> devnet() {
        return Optional.ofNullable(devnet);
    }

    /** Called (on the control's thread) whenever mining starts or stops. */
    public void onChange(Consumer<Optional<MinerRuntime>> listener) {
        listeners.add(listener);
    }

    public boolean isMining() {
        MinerRuntime r = runtime;
        return r != null && !r.stopped().isDone();
    }

    /** Starts mining with the current settings; completes once the runtime is started (or failed to). */
    public CompletableFuture<MinerRuntime> start() {
        return start(false);
    }

    /**
     * Starts mining; {@code byItself} (with the app, at login) never asks for a password: when none is remembered the
     * start fails with {@link PasswordNeeded} and {@link #needsPassword()} says so until a start succeeds.
     */
    public CompletableFuture<MinerRuntime> start(boolean byItself) {
        return CompletableFuture.supplyAsync(() -> {
            if (isMining()) {
                return runtime;
            }
            quietStart = byItself;
            try {
                MinerRuntime r = services.newSession(minerSettings(settings.get()));
                runtime = r;
                r.stopped().whenComplete((v, e) -> notifyListeners());
                notifyListeners();
                r.start().join();
                needsPassword = false;
                resume.remember();
                return r;
            } catch (RuntimeException e) {
                needsPassword = causedByMissingPassword(e);
                notifyListeners();
                throw e;
            } finally {
                quietStart = false;
            }
        }, worker);
    }

    /** Whether a password may not be asked for now (a start by itself is under way). */
    public boolean startingByItself() {
        return quietStart;
    }

    /** Whether the last start by itself stopped for want of the key's password. */
    public boolean needsPassword() {
        return needsPassword;
    }

    private static boolean causedByMissingPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PasswordNeeded) {
                return true;
            }
        }
        return false;
    }

    /** Whether the app was mining when it last ended without the user stopping it (a crash, a log-out). */
    public boolean wasMiningWhenLastClosed() {
        return resume.wasMining();
    }

    /** The user quits: the next start follows the settings alone, not this session. */
    public void forgetMining() {
        resume.forget();
    }

    /** Stops mining because the user said so: the proof in flight is finished or journaled. */
    public CompletableFuture<Void> stop() {
        resume.forget();
        return stopSession();
    }

    private CompletableFuture<Void> stopSession() {
        return CompletableFuture.runAsync(() -> {
            MinerRuntime r = runtime;
            if (r != null) {
                r.stop("stopped by you").join();
                r.close();
            }
            notifyListeners();
        }, worker);
    }

    /** The model folder the settings name (or QFC_MODEL_DIR, or the default). */
    public static Path modelRoot(AppSettings s) {
        return ModelCache.resolveRoot(s.modelDir().isBlank() ? null : Path.of(s.modelDir()), System.getenv(),
                System.getProperty("user.home"));
    }

    MinerSettings minerSettings(AppSettings s) {
        Path models = modelRoot(s);
        String url;
        KeySource key;
        if (s.network() == AppSettings.Network.DEVNET) {
            url = devnetUrl(models);
            key = KeySource.devnet(dirs.data());
        } else {
            url = s.effectiveRpcUrl();
            if (s.keystorePath().isBlank()) {
                throw new IllegalStateException("No miner key is set up yet: open Settings and create or import one.");
            }
            key = KeySource.keystore(Path.of(s.keystorePath()), password);
        }
        // a custom URL is typed on the setup or settings screen, which warns in words about plain http to another
        // computer before it is saved: that is the app's explicit consent (headless: the flag)
        MinerChoices choices = new MinerChoices(url, s.network() == AppSettings.Network.CUSTOM, key, models, dirs,
                s.backend(), s.computeMode(), 0);
        return minerTuning.apply(choices.settings(services.governor()).withGovernor(gate.get()));
    }

    private synchronized String devnetUrl(Path models) {
        if (devnet == null) {
            try {
                devnet = DevnetNode.start(devnetTuning.apply(EmbeddedDevnet.config(models)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the devnet could not start: " + e.getMessage(), e);
            }
            LOG.info("embedded devnet at {}", devnet.url());
        }
        return devnet.url().toString();
    }

    private void notifyListeners() {
        Optional<MinerRuntime> now = current();
        for (Consumer<Optional<MinerRuntime>> l : new ArrayList<>(listeners)) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("mining listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            stopSession().join(); // not the user's stop: a log-out or a crash-free quit resumes at the next start
        } catch (RuntimeException e) {
            LOG.warn("stopping the miner failed", e);
        }
        worker.shutdown();
        DevnetNode d = devnet;
        if (ownsServices) {
            services.close();
        }
        if (d != null) {
            d.close();
        }
    }
}
