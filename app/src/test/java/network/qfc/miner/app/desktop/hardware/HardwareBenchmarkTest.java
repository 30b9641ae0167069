package network.qfc.miner.app.desktop.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import network.qfc.miner.app.bench.DesktopBenchmark;
import network.qfc.miner.core.inference.SelfCheckCache;
import network.qfc.miner.core.inference.SelfCheckResult;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;
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

/**
 * The Hardware page's "Run benchmark" with the real model and engine (a 1-second run): progress while it runs, then
 * sentences/s, p50 and the comparison with plain ONNX Runtime; a missing model said in words; the backend
 * self-check read from the real results file.
 */
@ExtendWith(ApplicationExtension.class)
class HardwareBenchmarkTest {
    private static final Path DATA = Path.of("target", "test-data", "hardware-bench-" + System.nanoTime()).toAbsolutePath();
    private final LiveSampler sampler = new LiveSampler(HardwareSource.ofThisMachine());
    private HardwarePage page;
    private HardwarePage missing;

    @Start
    void start(Stage stage) throws Exception {
        Path modelRoot = OfflineSeed.seededDir(Path.of("target", "test-models"), new ModelRef("qfc-embed-small", "v1.0"))
                .getParent().getParent();
        Path natives = Path.of("target", "native-cache").toAbsolutePath();
        // a verdict as the engine keeps it: CoreML refused on 37 of 40 checks
        new SelfCheckCache(DATA).remember(new SelfCheckResult("CoreML", "Metal", "qfc-embed-small@v1.0", 40, 37,
                false, System.currentTimeMillis()));
        page = new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, Executors.newSingleThreadExecutor(),
                new DesktopBenchmark(modelRoot, natives, 1), () -> new SelfCheckCache(DATA).all());
        missing = new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, Executors.newSingleThreadExecutor(),
                new DesktopBenchmark(DATA.resolve("no-models"), natives, 1), List::of);
        stage.setScene(new Scene(new javafx.scene.layout.HBox(page.view(), missing.view()), 1200, 760));
        stage.show();
        page.onActivate();
        missing.onActivate();
    }

    @AfterEach
    void stop() {
        page.onDeactivate();
        missing.onDeactivate();
        sampler.close();
    }

    @Test
    void runBenchmarkShowsProgressThenSpeedP50AndTheComparison(FxRobot robot) throws Exception {
        Button run = robot.from(page.view()).lookup("#hw-run-benchmark").queryAs(Button.class);
        assertThat(run.getAccessibleText()).contains("Run benchmark");
        robot.clickOn(run);
        ProgressBar bar = robot.from(page.view()).lookup("#hw-benchmark-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.isVisible() || text(robot, page, "#hw-benchmark").contains("sentences/s"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, page, "#hw-benchmark").contains("sentences/s"));
        assertThat(text(robot, page, "#hw-benchmark")).matches(
                "\\d+\\.\\d sentences/s, p50 \\d+\\.\\d ms \\(\\d+ workers?\\); \\d+\\.\\d\\dx plain ONNX Runtime with"
                        + " default options \\(\\d+\\.\\d sentences/s\\)");
        assertThat(bar.isVisible()).isFalse();
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void aMissingModelIsSaidInWords(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(missing.view()).lookup("#hw-run-benchmark").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, missing, "#hw-benchmark").startsWith("the benchmark did not run"));
        assertThat(text(robot, missing, "#hw-benchmark")).isEqualTo("the benchmark did not run: qfc-embed-small is not"
                + " downloaded yet: download it on the Models page, then run the benchmark");
    }

    @Test
    void theKeptSelfCheckIsShownPlainly(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, page, "#hw-self-check").isEmpty());
        assertThat(text(robot, page, "#hw-self-check")).isEqualTo("CoreML gives different results than the network's"
                + " reference on 37 of 40 checks; mining on CPU to avoid a slash");
        assertThat(text(robot, missing, "#hw-self-check")).isEqualTo(BenchmarkSection.NO_SELF_CHECK);
    }

    private static String text(FxRobot robot, HardwarePage p, String id) {
        return robot.from(p.view()).lookup(id).queryAs(Label.class).getText();
    }
}
