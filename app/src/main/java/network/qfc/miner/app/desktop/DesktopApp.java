package network.qfc.miner.app.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
import network.qfc.miner.app.desktop.mining.PasswordNeeded;
import network.qfc.miner.app.desktop.mining.PasswordPrompt;
import network.qfc.miner.app.desktop.models.ModelsController;
import network.qfc.miner.app.models.MachineFit;
import network.qfc.miner.app.desktop.models.ModelsPage;
import network.qfc.miner.app.desktop.settings.SettingsPage;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.notifications.MinerNotices;
import network.qfc.miner.app.desktop.notifications.NotifierChoice;
import network.qfc.miner.app.desktop.tray.AwtTrayHost;
import network.qfc.miner.app.desktop.tray.FallbackTrayHost;
import network.qfc.miner.app.desktop.tray.sni.SniTrayHost;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.Keychain;
import network.qfc.miner.core.keys.OsKeychain;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.core.runtime.MinerServices;
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
    private MinerServices services;
    private DesktopGovernor governor;
    private MiningControl mining;
    private Keychain keychain;
    private Stage stage;
    private TrayPresenter tray;
    private volatile MainWindow window;
    private Thread shutdownHook;
    private MinerNotices notices;
    private Optional<SessionBus> sessionBus = Optional.empty();

    @Override
    public void init() {
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        dirs = AppDirectories.forThisProcess();
        settings = new SettingsStore(dirs.settingsFile(), Duration.ofSeconds(1));
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "qfc-ui-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        keychain = OsKeychain.open(Duration.ofSeconds(3));
        services = MinerServices.start(dirs, MiningControl.modelRoot(settings.get()),
                DesktopGovernor.policy(settings.get()), Clock.systemUTC());
        governor = new DesktopGovernor(services.governor(), settings.get(), Clock.systemUTC());
        if (DesktopLauncher.options().devnet()) {
            settings.update(settings.get().withNetwork(AppSettings.Network.DEVNET, "").withFirstRunDone(true));
        }
        notices = new MinerNotices();
        notices.listen(services.events());
        // a start by itself (with the app, at login) never asks: without a remembered password the tray says so
        PasswordSource password = () -> {
            String keyFile = settings.get().keystorePath();
            return keychain.password(Keychain.accountOf(Path.of(keyFile))).orElseGet(() -> {
                if (mining.startingByItself()) {
                    throw new PasswordNeeded(keyFile);
                }
                return new PasswordPrompt(keyFile, notices::passwordNeeded).password();
            });
        };
        mining = new MiningControl(services, settings::get, password, governor::gate);
        // SIGTERM (a log-out, kill, systemd) skips stop(): the miner still finishes or journals the proof in flight
        shutdownHook = new Thread(mining::close, "qfc-desktop-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        PulseTimerRest.install(); // Linux: JavaFX's pulse timer would tick 60 times a second in the tray
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
            if (!DesktopLauncher.options().devnet()
                    && (settings.get().startsMiningOnLaunch() || mining.wasMiningWhenLastClosed())) {
                startByItself();
            }
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
        settings.update(settings.get().withStartMiningOnLaunch(result.startNow()));
        showMain(result.startNow());
    }

    private void showMain(boolean startMining) {
        DashboardController dashboard = new DashboardController(mining, background, Clock.systemDefaultZone());
        // the journal outlives every mining session: the detail opens while idle, after Stop and after a restart
        ProofDetailDialog detail = new ProofDetailDialog(() -> services.journal().orElse(null), background, () -> stage);
        DashboardPage dashboardPage = new DashboardPage(dashboard, detail::open);
        MainWindow window = new MainWindow(dashboardPage.header());
        this.window = window;
        window.addPage(dashboardPage);
        // the machine is probed once per process (off the FX thread), shared with the miner and the other pages
        ModelsController modelsController = new ModelsController(services.models(), background, m -> MachineFit.whyNot(
                new TierClassifier().assess(services.hardware(), java.util.Optional.empty()), m.ref()).orElse(null))
                // one model cache; a download from the Models page is told as a desktop notification
                .onInstalled(ref -> notices.modelDownloaded(ref.toString()));
        services.onModelFolderChanged(cache -> UiThread.run(() -> modelsController.useCache(cache)));
        window.addPage(new ModelsPage(modelsController));
        window.addPage(new HardwarePage(this::probeSaid, services.sampler(), background,
                new network.qfc.miner.app.bench.DesktopBenchmark(services.models().root(), dirs.nativeCache(), 5),
                () -> new network.qfc.miner.core.inference.SelfCheckCache(dirs.data()).all()));
        window.addPage(new SettingsPage(settings, KeySetup.inDataDirectory(dirs), RpcNodeCheck.withDefaultTimeouts(), keychain,
                StartAtLogin.forThisProcess(), background, this::settingsChanged, key -> key.destroy()));
        LogRing ring = DesktopLogging.ring().orElseGet(LogRing::new);
        window.addPage(new LogsPage(ring, dirs.logs(), settings::get, services::hardware,
                QfcCommand.applicationVersion(), background));
        if (!settings.get().updateCheckOff()) {
            network.qfc.miner.app.update.UpdateNotice.start(System.getenv(), dirs.data(),
                    network.qfc.miner.app.QfcCommand.applicationVersion(), line -> UiThread.run(() -> window.showNotice(line)));
        }
        Scene scene = fitted(window.root(), 1180, 820);
        Theme.apply(settings.get().theme(), scene);
        // Ctrl+W (Cmd+W) closes the window as its close button does: to the tray, or asking, or quitting
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        stage.setScene(scene);
        // the dashboard (its header is on every page) refreshes only while the window is on screen: not in the tray
        window.whileOnScreen(dashboard::onActivate, dashboard::onDeactivate);
        window.follow(stage);

        sessionBus = SessionBus.connect(System.getenv());
        FallbackTrayHost host = trayHost();
        tray = TrayPresenter.install(host, mining, governor, new TrayPresenter.Actions(this::openWindow, this::quit), notices);
        notices.use(NotifierChoice.choose(System.getProperty("os.name", ""), sessionBus, host, tray.installed(),
                SniTrayHost.iconFile(dirs.data().resolve("tray-icons"))));
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

    /** The StatusNotifierItem where the session bus has a watcher, else the AWT tray where there is one, else none. */
    private FallbackTrayHost trayHost() {
        return new FallbackTrayHost(List.of(
                new FallbackTrayHost.Candidate("StatusNotifierItem", () -> sessionBus.filter(SniTrayHost::available)
                        .map(b -> (TrayHost) new SniTrayHost(b, dirs.data().resolve("tray-icons"), Platform::runLater))
                        .orElse(null)),
                new FallbackTrayHost.Candidate("AWT", () -> AwtTrayHost.available() ? new AwtTrayHost() : null)));
    }

    /** A scene of the preferred size, or of the screen's usable area when that is smaller (large text, 200 %). */
    private static Scene fitted(javafx.scene.Parent root, double width, double height) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new Scene(root, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
    }

    private void settingsChanged(AppSettings s) {
        governor.apply(s);
        background.execute(() -> services.models(MiningControl.modelRoot(s))); // a new model folder, without a restart
    }

    private void openWindow() {
        stage.show();
        stage.toFront();
    }

    /**
     * Mining with the app (the setting, start at login, {@code --minimized}) or after a crash or log-out while mining:
     * no window needed, no password asked (the tray says when it is needed), a failure logged and said.
     */
    private void startByItself() {
        LOG.info("starting to mine by itself ({})", settings.get().startsMiningOnLaunch()
                ? "the setting 'Start mining when the app starts'" : "the app was mining when it last ended");
        mining.start(true).exceptionally(e -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warn("mining did not start by itself: {}", cause.getMessage());
            if (!mining.needsPassword()) {
                problem("Mining did not start: " + cause.getMessage());
            }
            return null;
        });
    }

    /** Probes the machine again for the Hardware page; a failure is logged and said, not lost in a future. */
    private network.qfc.miner.probe.HardwareReport probeSaid() {
        try {
            return services.refreshHardware();
        } catch (RuntimeException e) {
            LOG.warn("the hardware probe failed", e);
            problem("The hardware probe failed (" + e.getMessage() + "): the Hardware page shows what was known.");
            throw e;
        }
    }

    /** Logs an unexpected failure and says it in the window, without blocking. */
    private void uncaught(Thread thread, Throwable e) {
        LOG.error("unexpected error on thread {}", thread.getName(), e);
        problem("Something went wrong (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                + "). The app goes on; the Logs page has the detail.");
    }

    private void problem(String text) {
        MainWindow w = window;
        if (w != null) {
            UiThread.run(() -> w.showProblem(text));
        }
    }

    private void quit() {
        mining.forgetMining(); // the user quits: the next start follows the settings, not this session
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
        notices.close();
        sessionBus.ifPresent(SessionBus::close);
        mining.close();
        services.close();
        keychain.close();
        settings.close();
        background.shutdownNow();
    }
}
