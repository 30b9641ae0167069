package network.qfc.miner.app.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.firstrun.RpcNodeCheck;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.LoopbackNode;
import network.qfc.miner.app.desktop.mining.DesktopGovernor;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings page in a real (Monocle) window with a real settings file, start-at-login entry and loopback node. */
@ExtendWith(ApplicationExtension.class)
class SettingsPageTest {
    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<AppSettings> applied = new CopyOnWriteArrayList<>();
    private SettingsStore store;
    private SettingsPage page;
    private Scene scene;

    @Start
    void start(Stage stage) {
        stage.setScene(scene = new Scene(new StackPane(), 1000, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    private StartAtLogin startAtLogin() {
        return new StartAtLogin("Linux", dir.resolve("home"), null, List.of("/opt/qfc/bin/qfc-desktop-miner"));
    }

    private void open(FxRobot robot) {
        store = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50));
        KeySetup keys = new KeySetup(dir.resolve("data/keys/validator.json"), new KdfParams(1 << 14, 8, 1));
        robot.interact(() -> {
            page = new SettingsPage(store, keys, RpcNodeCheck.withDefaultTimeouts(), new NoKeychain("test"),
                    startAtLogin(), background, applied::add, k -> { });
            scene.setRoot(new javafx.scene.control.ScrollPane(page.view()));
            page.onActivate();
        });
    }

    /** A second page on the settings file as saved: what a restart shows. */
    private void reopen(FxRobot robot) {
        store = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50));
        SettingsStore again = store;
        robot.interact(() -> {
            page = new SettingsPage(again, new KeySetup(dir.resolve("k.json"), new KdfParams(1 << 14, 8, 1)),
                    RpcNodeCheck.withDefaultTimeouts(), new NoKeychain("test"), startAtLogin(), background,
                    s -> { }, k -> { });
            scene.setRoot(new StackPane(page.view()));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void changesApplyLiveAndPersistAcrossARestart(FxRobot robot) throws Exception {
        try (LoopbackNode node = LoopbackNode.up()) {
            open(robot);
            robot.interact(() -> {
                robot.lookup("#set-network").queryAs(ComboBox.class).setValue(AppSettings.Network.CUSTOM);
                robot.lookup("#set-custom-url").queryAs(TextInputControl.class).setText(node.url());
                robot.lookup("#set-cpu-cap").queryAs(Slider.class).setValue(30);
                robot.lookup("#set-compute-mode").queryAs(ComboBox.class).setValue("none");
                robot.lookup("#set-backend").queryAs(ComboBox.class).setValue("cpu");
                robot.lookup("#set-theme").queryAs(ComboBox.class).setValue(AppSettings.ThemeChoice.DARK);
                robot.lookup("#set-keep-mining-when-busy").queryAs(CheckBox.class).setSelected(true);
            });
            robot.clickOn("#set-check");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> robot.lookup("#set-node-status").queryAs(Label.class).getText().contains("chain id 9000"));
            // the Desktop section is at the bottom of the page, below the window's edge: scroll to it first
            robot.interact(() -> ((javafx.scene.control.ScrollPane) scene.getRoot()).setVvalue(1.0));
            robot.clickOn("#set-start-at-login");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> robot.lookup("#set-status").queryAs(Label.class).getText().contains("when you log in"));
            assertThat(robot.lookup("#set-cpu-cap-value").queryAs(Label.class).getText()).isEqualTo("30%");
            assertThat(scene.getRoot().getPseudoClassStates().toString()).contains("dark");
        }
        AppSettings last = applied.get(applied.size() - 1);
        assertThat(last.cpuCapPercent()).isEqualTo(30);
        assertThat(last.keepMiningWhenBusy()).isTrue();
        assertThat(DesktopGovernor.policy(last).yieldToUser()).as("the governor stops giving way").isFalse();
        assertThat(DesktopGovernor.policy(AppSettings.defaults()).yieldToUser()).as("by default it gives way").isTrue();
        assertThat(last.startAtLogin()).isTrue();
        assertThat(Files.readString(startAtLogin().entryFile())).contains("--minimized");

        store.close();
        AppSettings reopened = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50)).get();
        assertThat(reopened.network()).isEqualTo(AppSettings.Network.CUSTOM);
        assertThat(reopened.customRpcUrl()).startsWith("http://127.0.0.1:");
        assertThat(reopened.cpuCapPercent()).isEqualTo(30);
        assertThat(reopened.computeMode()).isEqualTo("none");
        assertThat(reopened.backend()).isEqualTo("cpu");
        assertThat(reopened.theme()).isEqualTo(AppSettings.ThemeChoice.DARK);
        assertThat(reopened.startAtLogin()).isTrue();
        assertThat(reopened.keepMiningWhenBusy()).isTrue();

        // a second page on the reopened file shows what was saved
        reopen(robot);
        assertThat(robot.lookup("#set-cpu-cap-value").queryAs(Label.class).getText()).isEqualTo("30%");
        assertThat(robot.lookup("#set-keep-mining-when-busy").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#set-custom-url").queryAs(TextInputControl.class).getText()).startsWith("http://127.0.0.1:");
        assertThat(robot.lookup("#set-address").queryAs(TextInputControl.class).getText()).isEqualTo("No key yet");
    }

    @Test
    void miningHoursRoundTripWithTheNextChangeShownAndABadTextIsNotSaved(FxRobot robot) throws Exception {
        open(robot);
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
        java.time.DayOfWeek in2 = now.getDayOfWeek().plus(2);
        String day = in2.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH).toLowerCase(java.util.Locale.ROOT);
        robot.interact(() -> robot.lookup("#set-mining-hours").queryAs(TextInputControl.class).setText(day + " all"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#set-mining-hours-next").queryAs(Label.class).getText()).isEqualTo(
                "Outside mining hours: mining resumes at 00:00 on "
                        + in2.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + ".");
        assertThat(store.get().miningHours()).isEqualTo(day + " all");
        AppSettings saved = applied.get(applied.size() - 1);
        assertThat(DesktopGovernor.policy(saved).schedule().allows(now)).as("the governor gets the hours").isFalse();

        // a text the schedule cannot read says why and is not saved
        robot.interact(() -> robot.lookup("#set-mining-hours").queryAs(TextInputControl.class).setText("mon-fri 25:00-07:00"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#set-mining-hours-next").queryAs(Label.class).getText()).startsWith("Not saved: ")
                .contains("25:00");
        assertThat(store.get().miningHours()).isEqualTo(day + " all");

        // a preset from the menu
        robot.interact(() -> robot.lookup("#set-mining-hours-presets").queryAs(javafx.scene.control.MenuButton.class)
                .getItems().get(1).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#set-mining-hours").queryAs(TextInputControl.class).getText())
                .isEqualTo("mon-fri 22:00-07:00, sat-sun all");
        assertThat(robot.lookup("#set-mining-hours-next").queryAs(Label.class).getText())
                .matches("(Inside mining hours: mining stops at|Outside mining hours: mining resumes at) \\d\\d:\\d\\d.*\\.");

        store.close();
        AppSettings reopened = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50)).get();
        assertThat(reopened.miningHours()).isEqualTo("mon-fri 22:00-07:00, sat-sun all");
        reopen(robot);
        assertThat(robot.lookup("#set-mining-hours").queryAs(TextInputControl.class).getText())
                .isEqualTo("mon-fri 22:00-07:00, sat-sun all");
    }
}
