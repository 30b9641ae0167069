package network.qfc.miner.app.desktop.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareSource;
import network.qfc.miner.probe.LiveSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Hardware page on this very machine (a VM: no GPU, no battery, no temperature sensor), in a real window. */
@ExtendWith(ApplicationExtension.class)
class HardwarePageTest {
    private final LiveSampler sampler = new LiveSampler(HardwareSource.ofThisMachine());
    private HardwarePage page;

    @Start
    void start(Stage stage) {
        page = new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, Executors.newSingleThreadExecutor());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(page.view()), 900, 700));
        stage.show();
        page.onActivate();
    }

    @AfterEach
    void stop() {
        page.onDeactivate();
        sampler.close();
    }

    @Test
    void showsThisMachineHonestlyAndLiveLoad(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#hw-tier").queryAs(Label.class).getText().startsWith("Cold"));
        assertThat(text(robot, "#hw-tier")).startsWith("Cold on CPU with ");
        assertThat(text(robot, "#hw-gpus")).isEqualTo("none");
        assertThat(text(robot, "#hw-battery")).isEqualTo("none");
        assertThat(text(robot, "#hw-temperature")).isEqualTo("unknown");
        assertThat(text(robot, "#hw-cpu")).contains(Runtime.getRuntime().availableProcessors() + " threads");
        assertThat(text(robot, "#hw-models")).contains("qfc-embed-small@v1.0: can run here");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hw-load").queryAs(Label.class).getText().startsWith("this app"));
        assertThat(text(robot, "#hw-load")).matches("this app \\d+%, whole machine \\d+%");
        page.onDeactivate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !sampler.running());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
