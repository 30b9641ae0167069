package network.qfc.miner.app.desktop.mining;

import java.nio.file.Path;
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
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.core.mining.ComputeMode;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.runtime.MinerRuntime;
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
    private volatile DevnetNode devnet;
    private volatile UnaryOperator<DevnetConfig> devnetTuning = UnaryOperator.identity();
    private volatile UnaryOperator<MinerSettings> minerTuning = UnaryOperator.identity();

    /**
     * @param password asks for the key file's password (keychain, then a dialog) when the runtime loads the key
     * @param gate     the governor's gate for each new runtime
     */
    public MiningControl(AppDirectories dirs, Supplier<AppSettings> settings, PasswordSource password,
            Supplier<MiningGate> gate) {
        this.dirs = dirs;
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

    /** The runtime now mining, if any. */
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
        return CompletableFuture.supplyAsync(() -> {
            if (isMining()) {
                return runtime;
            }
            MinerRuntime r = new MinerRuntime(minerSettings(settings.get()));
            runtime = r;
            r.stopped().whenComplete((v, e) -> notifyListeners());
            notifyListeners();
            r.start().join();
            return r;
        }, worker);
    }

    /** Stops mining: the proof in flight is finished or journaled. */
    public CompletableFuture<Void> stop() {
        return CompletableFuture.runAsync(() -> {
            MinerRuntime r = runtime;
            if (r != null) {
                r.stop("stopped by you").join();
                r.close();
            }
            notifyListeners();
        }, worker);
    }

    MinerSettings minerSettings(AppSettings s) {
        Path models = ModelCache.resolveRoot(s.modelDir().isBlank() ? null : Path.of(s.modelDir()), System.getenv(),
                System.getProperty("user.home"));
        String url;
        KeySource key;
        if (s.network() == AppSettings.Network.DEVNET) {
            url = devnetUrl(models);
            key = KeySource.devnet(dirs.data());
        } else {
            url = s.effectiveRpcUrl();
            if (s.keystorePath().isBlank()) {
                throw new IllegalStateException("No validator key is set up yet: open Settings and create or import one.");
            }
            key = KeySource.keystore(Path.of(s.keystorePath()), password);
        }
        return minerTuning.apply(MinerSettings.defaults(url, key, models, dirs, QfcCommand.applicationVersion())
                .withBackend(BackendPreference.parse(s.backend()))
                .withComputeMode(ComputeMode.parse(s.computeMode()))
                // a custom URL is typed on the setup or settings screen, which warns in words about plain http to
                // another computer before it is saved: that is the app's explicit consent (headless: the flag)
                .withInsecureHttp(s.network() == AppSettings.Network.CUSTOM)
                .withGovernor(gate.get()));
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
            stop().join();
        } catch (RuntimeException e) {
            LOG.warn("stopping the miner failed", e);
        }
        worker.shutdown();
        DevnetNode d = devnet;
        if (d != null) {
            d.close();
        }
    }
}
