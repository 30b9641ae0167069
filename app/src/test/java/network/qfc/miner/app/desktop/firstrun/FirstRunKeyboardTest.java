package network.qfc.miner.app.desktop.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.qfc.miner.app.desktop.MainWindow;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * First-run setup completed with the keyboard only (robot key presses, no clicks, no field set from code): the
 * focus follows each step, Enter presses the step's main button, Tab and typing fill the passwords; it ends on the
 * dashboard, as the app does.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunKeyboardTest {
    static final String PASSWORD = "correct horse battery 9";

    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final AtomicReference<FirstRunResult> result = new AtomicReference<>();
    private final AtomicReference<MainWindow> window = new AtomicReference<>();
    private SettingsStore settings;
    private MiningControl mining;
    private Scene scene;

    @Start
    void start(Stage stage) {
        stage.setScene(scene = new Scene(new StackPane(), 900, 800));
        stage.show();
    }

    /** First run in the window; when done, the main window with the dashboard replaces it (DesktopApp does the same). */
    private void open(FxRobot robot) {
        settings = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50));
        KeySetup keys = new KeySetup(dir.resolve("data/keys/validator.json"), new KdfParams(1 << 14, 8, 1));
        mining = new MiningControl(AppDirectories.under(dir), settings::get, () -> PASSWORD.toCharArray(),
                () -> MiningGate.OPEN);
        robot.interact(() -> {
            FirstRunPane pane = new FirstRunPane(settings, keys, RpcNodeCheck.withDefaultTimeouts(),
                    new NoKeychain("no keychain in this test"), background, r -> {
                        result.set(r);
                        r.key().ifPresent(ValidatorKey::destroy);
                        DashboardPage dashboard = new DashboardPage(new DashboardController(mining, background,
                                Clock.systemUTC()), row -> { });
                        MainWindow w = new MainWindow(dashboard.header());
                        w.addPage(dashboard);
                        scene.setRoot(w.root());
                        window.set(w);
                    });
            scene.setRoot(new StackPane(pane.view()));
        });
    }

    @AfterEach
    void stop() {
        if (mining != null) {
            mining.close();
        }
        background.shutdownNow();
        if (settings != null) {
            settings.close();
        }
    }

    @Test
    void aNewKeyOnTestnetByKeyboardOnlyReachesTheDashboard(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> robot.lookup("#net-testnet").query().requestFocus());
        robot.type(KeyCode.ENTER); // Testnet is chosen; Enter on the choice is Next
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 2"));
        assertThat(focused().getId()).as("the focus follows the step").isEqualTo("key-choice-create");

        robot.type(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("key-password");
        robot.write(PASSWORD);
        robot.type(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("key-password-repeat");
        robot.write(PASSWORD);
        assertThat(text(robot, "#key-strength")).isNotEmpty();
        robot.type(KeyCode.ENTER); // Next: the key is made and saved encrypted
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
        String address = robot.lookup("#fr-address").queryAs(TextInputControl.class).getText();
        assertThat(address).matches("0x[0-9a-f]{40}");
        waitFor(() -> "fr-start".equals(focused().getId()));

        robot.type(KeyCode.TAB); // past Start: Tab wraps, Shift+Tab comes back
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        assertThat(focused().getId()).isEqualTo("fr-start");
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        assertThat(focused().getId()).isEqualTo("fr-later");
        robot.type(KeyCode.ENTER); // Enter presses the focused "Later", not the default "Start mining now"

        waitFor(() -> window.get() != null);
        assertThat(result.get().startNow()).isFalse();
        assertThat(window.get().shown().title()).isEqualTo("Dashboard");
        assertThat(text(robot, "#dash-state")).isEqualTo("Not mining");
        try (ValidatorKey opened = EncryptedKeyFile.read(dir.resolve("data/keys/validator.json"), PASSWORD.toCharArray())) {
            assertThat(opened.address().toString()).isEqualTo(address);
        }
        assertThat(settings.get().firstRunDone()).isTrue();
        assertThat(settings.get().network()).isEqualTo(AppSettings.Network.TESTNET);
        assertThat(Files.readString(dir.resolve("data/keys/validator.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void devnetByArrowKeysAndEnterReachesTheDashboardAskingToMine(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> robot.lookup("#net-testnet").query().requestFocus());
        robot.type(KeyCode.DOWN, 2); // Testnet -> Mainnet -> Devnet: arrows move the choice
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused().getId()).isEqualTo("net-devnet");
        if (!robot.lookup("#net-devnet").queryAs(javafx.scene.control.RadioButton.class).isSelected()) {
            robot.type(KeyCode.SPACE);
        }
        assertThat(robot.lookup("#net-devnet").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
        waitFor(() -> "fr-start".equals(focused().getId()));
        robot.type(KeyCode.ENTER); // Start mining now

        waitFor(() -> window.get() != null);
        assertThat(result.get().startNow()).isTrue();
        assertThat(result.get().settings().network()).isEqualTo(AppSettings.Network.DEVNET);
        assertThat(window.get().shown().title()).isEqualTo("Dashboard");
        assertThat(robot.lookup("#dash-toggle").queryAs(Labeled.class).getText()).isEqualTo("_Start mining");
    }

    private Node focused() {
        WaitForAsyncUtils.waitForFxEvents();
        return scene.getFocusOwner();
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
