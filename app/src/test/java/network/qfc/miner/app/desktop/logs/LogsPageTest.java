package network.qfc.miner.app.desktop.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.probe.HardwareProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Logs page in a real (Monocle) window, fed by a real Logback appender on the root logger. */
@ExtendWith(ApplicationExtension.class)
class LogsPageTest {
    private static final Logger LOG = LoggerFactory.getLogger("network.qfc.miner.test.NodeWatch");
    @TempDir
    Path dir;
    private final LogRing ring = new LogRing();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private LogsPage page;
    private volatile AppSettings settingsWithKey = AppSettings.defaults();

    @Start
    void start(Stage stage) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ring.setContext(ctx);
        ring.setName(LogRing.NAME);
        ring.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(ring);
        page = new LogsPage(ring, dir.resolve("logs"), () -> settingsWithKey, HardwareProbe.ofThisMachine()::probe,
                "9.8.7-test", background);
        stage.setScene(new Scene(new StackPane(page.view()), 1000, 700));
        stage.show();
        page.onActivate();
    }

    @AfterEach
    void stop() {
        page.onDeactivate();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(ring);
        background.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsAWarningAndFiltersItOutUnderError(FxRobot robot) throws Exception {
        LOG.info("an ordinary line");
        LOG.warn("node lost for 3 minutes");
        ListView<LogLine> list = robot.lookup("#logs-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> list.getItems().stream().anyMatch(l -> l.message().equals("node lost for 3 minutes")));
        LogLine warn = list.getItems().stream().filter(l -> l.message().equals("node lost for 3 minutes")).findFirst().orElseThrow();
        assertThat(warn.level()).isEqualTo("WARN");
        assertThat(warn.logger()).isEqualTo("NodeWatch");
        assertThat(list.getItems()).anyMatch(l -> l.message().equals("an ordinary line"));

        robot.interact(() -> robot.lookup("#logs-level").queryAs(ComboBox.class).setValue("ERROR"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).noneMatch(l -> l.message().equals("node lost for 3 minutes"));
        LOG.error("jailed: spot check failed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> list.getItems().stream().anyMatch(l -> l.message().equals("jailed: spot check failed")));
        assertThat(list.getItems()).allMatch(l -> l.level().equals("ERROR"));

        robot.interact(() -> robot.lookup("#logs-level").queryAs(ComboBox.class).setValue("WARN"));
        assertThat(list.getItems()).extracting(LogLine::message).contains("node lost for 3 minutes", "jailed: spot check failed")
                .doesNotContain("an ordinary line");
    }

    @Test
    void openFolderWithoutADesktopShowsThePath(FxRobot robot) throws Exception {
        robot.clickOn("#logs-open-folder");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#logs-status").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        assertThat(robot.lookup("#logs-status").queryAs(javafx.scene.control.Label.class).getText())
                .contains("copy its path");
        assertThat(robot.lookup("#logs-folder").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(dir.resolve("logs").toAbsolutePath().toString());
    }

    @Test
    void diagnosticsHoldTheVersionAndTheLastProblemsButNoSecret(FxRobot robot) throws Exception {
        String seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String password = "diagnostics-pass-1";
        network.qfc.miner.app.desktop.firstrun.WrittenKey written = new network.qfc.miner.app.desktop.firstrun.KeySetup(
                dir.resolve("keys/validator.json"), new network.qfc.miner.core.keys.KdfParams(1 << 14, 8, 1))
                .importSecret(seed.toCharArray(), password.toCharArray());
        settingsWithKey = AppSettings.defaults().withKeystore(written.file().toString(), true).withFirstRunDone(true);
        written.wipePassword();
        LOG.warn("model download failed: disk full");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<String>> f =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> f.set(page.copyDiagnostics()));
        String text = f.get().get(60, TimeUnit.SECONDS);
        assertThat(text).contains("QFC Desktop Miner 9.8.7-test").contains("Java: " + System.getProperty("java.version"))
                .contains("CPU: ").contains("\"cpuCapPercent\" : 50").contains("model download failed: disk full")
                .contains(dir.resolve("keys/validator.json").toString())
                .doesNotContain(seed).doesNotContain(password);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#logs-status").queryAs(javafx.scene.control.Label.class).getText()).contains("copied");
    }
}
