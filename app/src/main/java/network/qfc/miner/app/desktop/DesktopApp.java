package network.qfc.miner.app.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.dashboard.ProofDetailDialog;
import network.qfc.miner.app.desktop.firstrun.FirstRunPane;
import network.qfc.miner.app.desktop.firstrun.FirstRunResult;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.RpcNodeCheck;
import network.qfc.miner.app.desktop.hardware.HardwarePage;
import network.qfc.miner.app.desktop.logs.DesktopLogging;
import network.qfc.miner.app.desktop.logs.LogRing;
import network.qfc.miner.app.desktop.logs.LogsPage;
import network.qfc.miner.app.desktop.mining.DesktopGovernor;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.mining.PasswordPrompt;
import network.qfc.miner.app.desktop.models.ModelsController;
import network.qfc.miner.app.models.MachineFit;
import network.qfc.miner.app.desktop.models.ModelsPage;
import network.qfc.miner.app.desktop.settings.SettingsPage;
import network.qfc.miner.app.desktop.tray.AwtTrayHost;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.Keychain;
import network.qfc.miner.core.keys.OsKeychain;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareSource;
import network.qfc.miner.probe.LiveSampler;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.TierClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: every object of the UI is born here, in {@link #start}. The miner itself is
 * the core's {@code MinerRuntime}, built by {@link MiningControl} from the user's settings, the same way the
 * headless {@code mine} command builds it.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private AppDirectories dirs;
    private SettingsStore settings;
    private ExecutorService background;
    private LiveSampler sampler;
    private DesktopGovernor governor;
    private MiningControl mining;
    private ModelCache models;
    private Keychain keychain;
    private Stage stage;
    private TrayPresenter tray;
    private Thread shutdownHook;

    @Override
    public void init() {
        dirs = AppDirectories.forThisProcess();
        settings = new SettingsStore(dirs.settingsFile(), Duration.ofSeconds(1));
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "qfc-ui-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        keychain = OsKeychain.open(Duration.ofSeconds(3));
        sampler = new LiveSampler(HardwareSource.ofThisMachine());
        governor = new DesktopGovernor(sampler, settings.get());
        if (DesktopLauncher.options().devnet()) {
            settings.update(settings.get().withNetwork(AppSettings.Network.DEVNET, "").withFirstRunDone(true));
        }
        PasswordSource password = () -> PasswordSource.remembered(keychain,
                Keychain.accountOf(Path.of(settings.get().keystorePath())),
                new PasswordPrompt(settings.get().keystorePath())).password();
        mining = new MiningControl(dirs, settings::get, password, governor::gate);
        // SIGTERM (a log-out, kill, systemd) skips stop(): the miner still finishes or journals the proof in flight
        shutdownHook = new Thread(mining::close, "qfc-desktop-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path modelRoot = ModelCache.resolveRoot(settings.get().modelDir().isBlank() ? null : Path.of(settings.get().modelDir()),
                System.getenv(), System.getProperty("user.home"));
        models = new ModelCache(modelRoot, ModelRegistry.bundled(), new ModelDownloader(ModelDownloader.Settings.defaults()),
                OfflineSeed.fromClassPath());
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        stage.setTitle("QFC Desktop Miner");
        // small enough for 200 % on a 1920x1080 screen (960x540 logical); the pages scroll below that
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        Icons.apply(stage);
        if (settings.loadProblem() != null) {
            LOG.warn(settings.loadProblem());
        }
        if (!settings.get().firstRunDone()) {
            showFirstRun();
        } else {
            showMain(DesktopLauncher.options().devnet());
        }
        if (!DesktopLauncher.options().minimized() || !tray.installed()) {
            stage.show();
        }
    }

    private void showFirstRun() {
        tray = TrayPresenter.none();
        FirstRunPane pane = new FirstRunPane(settings, KeySetup.inDataDirectory(dirs), RpcNodeCheck.withDefaultTimeouts(),
                keychain, background, this::firstRunDone);
        Scene scene = fitted(new javafx.scene.layout.StackPane(pane.view()), 900, 720);
        Theme.apply(settings.get().theme(), scene);
        stage.setScene(scene);
    }

    private void firstRunDone(FirstRunResult result) {
        result.key().ifPresent(k -> k.destroy());
        showMain(result.startNow());
    }

    private void showMain(boolean startMining) {
        DashboardController dashboard = new DashboardController(mining, background, Clock.systemDefaultZone());
        ProofDetailDialog detail = new ProofDetailDialog(() -> mining.current().map(r -> r.journal()).orElse(null), background,
                () -> stage);
        DashboardPage dashboardPage = new DashboardPage(dashboard, detail::open);
        MainWindow window = new MainWindow(dashboardPage.header());
        window.addPage(dashboardPage);
        // the machine is probed once (on the first refresh, off the FX thread), not once per model per refresh
        AtomicReference<TierAssessment> machine = new AtomicReference<>();
        window.addPage(new ModelsPage(new ModelsController(models, background, m -> MachineFit.whyNot(
                machine.updateAndGet(a -> a != null ? a
                        : new TierClassifier().assess(HardwareProbe.ofThisMachine().probe(), java.util.Optional.empty())),
                m.ref()).orElse(null))));
        window.addPage(new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, background,
                new network.qfc.miner.app.bench.DesktopBenchmark(models.root(), dirs.nativeCache(), 5),
                () -> new network.qfc.miner.core.inference.SelfCheckCache(dirs.data()).all()));
        window.addPage(new SettingsPage(settings, KeySetup.inDataDirectory(dirs), RpcNodeCheck.withDefaultTimeouts(), keychain,
                StartAtLogin.forThisProcess(), background, this::settingsChanged, key -> key.destroy()));
        LogRing ring = DesktopLogging.ring().orElseGet(LogRing::new);
        window.addPage(new LogsPage(ring, dirs.logs(), settings::get, HardwareProbe.ofThisMachine()::probe,
                QfcCommand.applicationVersion(), background));
        Scene scene = fitted(window.root(), 1180, 820);
        Theme.apply(settings.get().theme(), scene);
        // Ctrl+W (Cmd+W) closes the window as its close button does: to the tray, or asking, or quitting
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        stage.setScene(scene);
        // the dashboard (its header is on every page) refreshes only while the window is on screen: not in the tray
        window.whileOnScreen(dashboard::onActivate, dashboard::onDeactivate);
        window.follow(stage);

        tray = TrayPresenter.install(AwtTrayHost.available() ? new AwtTrayHost() : TrayHost.NONE, mining, governor,
                new TrayPresenter.Actions(this::openWindow, this::quit));
        Platform.setImplicitExit(!tray.installed());
        stage.setOnCloseRequest(e -> {
            if (tray.installed() && settings.get().closeToTray()) {
                e.consume();
                stage.hide();
            } else if (mining.isMining()) {
                e.consume();
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Mining stops when the app quits. Quit anyway?",
                        ButtonType.OK, ButtonType.CANCEL);
                ask.setHeaderText("Quit QFC Desktop Miner?");
                ask.initOwner(stage);
                ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> quit());
            } else if (tray.installed()) {
                // the tray turned implicit exit off: without this the window would go and the app stay, in the tray,
                // against the setting
                quit();
            }
        });
        if (startMining) {
            dashboard.onToggleMining();
        }
    }

    /** A scene of the preferred size, or of the screen's usable area when that is smaller (large text, 200 %). */
    private static Scene fitted(javafx.scene.Parent root, double width, double height) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new Scene(root, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
    }

    private void settingsChanged(AppSettings s) {
        governor.apply(s);
    }

    private void openWindow() {
        stage.show();
        stage.toFront();
    }

    private void quit() {
        Platform.setImplicitExit(true);
        background.execute(() -> {
            mining.close();
            Platform.runLater(Platform::exit);
        });
    }

    @Override
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the miner
        }
        if (tray != null) {
            tray.close();
        }
        mining.close();
        governor.close();
        sampler.close();
        models.close();
        keychain.close();
        settings.close();
        background.shutdownNow();
    }
}
