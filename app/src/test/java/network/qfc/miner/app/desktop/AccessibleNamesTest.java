package network.qfc.miner.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.RpcNodeCheck;
import network.qfc.miner.app.desktop.hardware.HardwarePage;
import network.qfc.miner.app.desktop.logs.LogRing;
import network.qfc.miner.app.desktop.logs.LogsPage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.models.ModelsController;
import network.qfc.miner.app.desktop.models.ModelsPage;
import network.qfc.miner.app.desktop.settings.SettingsPage;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareSource;
import network.qfc.miner.probe.LiveSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control of every page of the real main window has a name a screen reader can say: its own text, an
 * accessible text (icon-only buttons, tables, charts' controls) or a label that is for it. Asked the way assistive
 * technology asks JavaFX ({@code queryAccessibleAttribute}).
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private MainWindow window;
    private MiningControl mining;
    private LiveSampler sampler;
    private SettingsStore store;
    private ModelCache models;

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "");
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> new char[0], () -> MiningGate.OPEN);
        DashboardPage dashboard = new DashboardPage(new DashboardController(mining, background, Clock.systemUTC()), r -> { });
        window = new MainWindow(dashboard.header());
        window.addPage(dashboard);
        models = new ModelCache(home.resolve("models"), ModelRegistry.bundled(),
                new ModelDownloader(ModelDownloader.Settings.defaults()), OfflineSeed.fromClassPath());
        window.addPage(new ModelsPage(new ModelsController(models, background, m -> null)));
        sampler = new LiveSampler(HardwareSource.ofThisMachine());
        window.addPage(new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, background));
        store = new SettingsStore(home.resolve("config/settings.json"), Duration.ofSeconds(1));
        window.addPage(new SettingsPage(store, new KeySetup(home.resolve("keys/validator.json"), new KdfParams(1 << 14, 8, 1)),
                RpcNodeCheck.withDefaultTimeouts(), new NoKeychain("test"),
                new StartAtLogin("Linux", home.resolve("home"), null, List.of("/opt/qfc/bin/qfc-desktop-miner")),
                background, s -> { }, k -> { }));
        window.addPage(new LogsPage(new LogRing(), home.resolve("logs"), () -> settings, HardwareProbe.ofThisMachine()::probe,
                "1.0-test", background));
        Scene scene = new Scene(window.root(), 1280, 800);
        Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        store.close();
        mining.close();
        sampler.close();
        models.close();
        background.shutdownNow();
    }

    @Test
    void everyControlOnEveryPageHasAnAccessibleName(FxRobot robot) {
        List<String> nameless = new ArrayList<>();
        int checked = 0;
        for (String page : List.of("Dashboard", "Models", "Hardware", "Settings", "Logs")) {
            robot.interact(() -> window.select(page));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : window.root().lookupAll("*")) {
                if (!isUserControl(n) || !n.isVisible() || insideAnotherControl(n)) {
                    continue;
                }
                checked++;
                String name = accessibleName((Control) n);
                if (name == null || name.isBlank()) {
                    nameless.add(page + ": " + n.getClass().getSimpleName() + " #" + n.getId());
                }
            }
        }
        assertThat(checked).as("controls checked").isGreaterThan(30);
        assertThat(nameless).as("controls without an accessible name").isEmpty();
    }

    @Test
    void everyControlOfFirstRunSetupHasAnAccessibleName(FxRobot robot) {
        robot.interact(() -> window.root().getScene().setRoot(new javafx.scene.layout.StackPane(
                new network.qfc.miner.app.desktop.firstrun.FirstRunPane(store,
                        new KeySetup(home.resolve("keys/first.json"), new KdfParams(1 << 14, 8, 1)),
                        RpcNodeCheck.withDefaultTimeouts(), new NoKeychain("test"), background, r -> { }).view())));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> nameless = new ArrayList<>();
        int checked = 0;
        for (Node n : robot.listTargetWindows().get(0).getScene().getRoot().lookupAll("*")) {
            if (!isUserControl(n) || !n.isVisible() || insideAnotherControl(n)) {
                continue;
            }
            checked++;
            String name = accessibleName((Control) n);
            if (name == null || name.isBlank()) {
                nameless.add("First run: " + n.getClass().getSimpleName() + " #" + n.getId());
            }
        }
        assertThat(checked).as("controls checked").isGreaterThan(5);
        assertThat(nameless).as("controls without an accessible name").isEmpty();
    }

    /** What a screen reader says for the control: its accessible text, its own text, or the text of its label. */
    static String accessibleName(Control c) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return c.getAccessibleText();
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return l.getText();
        }
        Object label = c.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
        if (label instanceof Labeled l && l.getText() != null) {
            return l.getText();
        }
        return null;
    }

    private static boolean isUserControl(Node n) {
        return n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ComboBoxBase<?>
                || n instanceof Slider || n instanceof Spinner<?> || n instanceof TableView<?> || n instanceof ListView<?>;
    }

    /** Part of another control's skin (a spinner's field, a table's cell, a combo box's list), not a control of its own. */
    private static boolean insideAnotherControl(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Control && !(p instanceof ScrollPane || p instanceof SplitPane || p instanceof TitledPane
                    || p instanceof TabPane || p instanceof ToolBar || p instanceof ButtonBar || p instanceof Accordion)) {
                return true;
            }
        }
        return false;
    }
}
