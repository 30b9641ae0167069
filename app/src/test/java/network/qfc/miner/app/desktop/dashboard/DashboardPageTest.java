package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import network.qfc.miner.app.desktop.Theme;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.mining.OutputTamper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard in a real (Monocle) window, mining for real: the embedded devnet, the real qfc-embed-small model
 * (from the bundled Maven artifact), a real journal. Start, see accepted proofs arrive and counters move; then a
 * miner that lies is caught by a spot check and the dashboard shows JAILED with a countdown.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardPageTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private MiningControl mining;
    private DashboardController controller;

    @Start
    void start(Stage stage) {
        AppDirectories dirs = AppDirectories.under(home);
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "")
                .withMining("inference", "cpu", home.resolve("models").toString());
        mining = new MiningControl(dirs, () -> settings, () -> {
            throw new AssertionError("the devnet needs no password");
        }, () -> MiningGate.OPEN);
        controller = new DashboardController(mining, background, Clock.systemUTC());
        DashboardPage page = new DashboardPage(controller, row -> { });
        Scene scene = new Scene(new VBox(page.header(), page.view()), 1200, 900);
        Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        page.onActivate();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(controller::onDeactivate).get(10, TimeUnit.SECONDS);
        mining.close();
        background.shutdownNow();
    }

    @Test
    void startMiningShowsAcceptedProofsAndMovingCounters(FxRobot robot) throws Exception {
        mining.tune(UnaryOperator.identity(), s -> s.withBenchmarkTime(Duration.ofMillis(200)));
        assertThat(text(robot, "#dash-state")).isEqualTo("Not mining");
        robot.clickOn("#dash-toggle");
        waitFor(robot, 90, () -> Long.parseLong(text(robot, "#dash-accepted")) >= 3);
        assertThat(text(robot, "#dash-state")).isIn("Mining", "Paused");
        assertThat(Long.parseLong(text(robot, "#dash-tasks"))).isGreaterThanOrEqualTo(3);
        assertThat(text(robot, "#dash-backend")).isEqualTo("CPU");
        assertThat(text(robot, "#dash-model")).startsWith("qfc-embed-small@v1.0");
        assertThat(text(robot, "#dash-node-status")).startsWith("reachable");
        TableView<?> feed = robot.lookup("#dash-feed").queryAs(TableView.class);
        waitFor(robot, 10, () -> !feed.getItems().isEmpty());
        ProofFeedRow newest = (ProofFeedRow) feed.getItems().get(0);
        assertThat(newest.outcome()).startsWith("Accepted");
        assertThat(newest.model()).isEqualTo("qfc-embed-small@v1.0");
        assertThat(newest.taskId()).hasSize(64);
        assertThat(text(robot, "#dash-toggle")).isEqualTo("_Stop mining");

        robot.clickOn("#dash-toggle");
        waitFor(robot, 60, () -> text(robot, "#dash-state").equals("Not mining"));
        assertThat(text(robot, "#dash-toggle")).isEqualTo("_Start mining");
    }

    @Test
    void aFailedSpotCheckShowsJailedWithACountdown(FxRobot robot) throws Exception {
        mining.tune(d -> d.withSpotCheckRate(OptionalDouble.of(1.0)).withJailMs(Duration.ofMinutes(30).toMillis()),
                s -> s.withTamper(OutputTamper.FLIP_FIRST_BIT).withBenchmarkTime(Duration.ofMillis(200))
                        .withPeriods(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(30)));
        robot.clickOn("#dash-toggle");
        waitFor(robot, 90, () -> text(robot, "#dash-standing").equals("JAILED"));
        waitFor(robot, 10, () -> text(robot, "#dash-jail-countdown").startsWith("released in "));
        assertThat(text(robot, "#dash-jail-countdown")).matches("released in (29m|30m|\\d+m) \\d{2}s");
        // the standing poll and the loop's pause are two threads: the state follows within a loop step
        waitFor(robot, 10, () -> text(robot, "#dash-state").equals("JAILED"));
        TableView<?> feed = robot.lookup("#dash-feed").queryAs(TableView.class);
        waitFor(robot, 10, () -> feed.getItems().stream().anyMatch(r -> ((ProofFeedRow) r).outcome().equals("Failed spot check")));
        waitFor(robot, 30, () -> text(robot, "#dash-last-slash").startsWith("-"));
        assertThat(text(robot, "#dash-slash-advice")).contains("switch the backend to CPU");
    }

    private static void waitFor(FxRobot robot, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("after " + seconds + " s the dashboard shows: state=" + text(robot, "#dash-state")
                    + " (" + text(robot, "#dash-state-reason") + "), accepted=" + text(robot, "#dash-accepted")
                    + ", standing=" + text(robot, "#dash-standing") + ", slash=" + text(robot, "#dash-last-slash"), e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

}
