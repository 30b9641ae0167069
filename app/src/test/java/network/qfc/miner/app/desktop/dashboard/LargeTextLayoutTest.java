package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.MainWindow;
import network.qfc.miner.app.desktop.Theme;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.RpcNodeCheck;
import network.qfc.miner.app.desktop.logs.LogRing;
import network.qfc.miner.app.desktop.logs.LogsPage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.settings.SettingsPage;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.probe.HardwareProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Readable at 200 %: the window with the root font at twice the theme's size is what a user at
 * 200 % sees on a 1920x1080 screen (960x540 logical), plus what a user who only enlarged the font sees, where fixed
 * pixel sizes would not grow. Measured on the real layout: no visible text of the dashboard (with long real-world
 * values), Settings or Logs is cut short with an ellipsis or lost lines, none sticks out of the window, and the page
 * scrolls instead of squeezing.
 */
@ExtendWith(ApplicationExtension.class)
class LargeTextLayoutTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private DashboardModel model;
    private SettingsStore store;
    private MiningControl mining;
    private Scene scene;
    private double themeFontSize;

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "");
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> new char[0], () -> MiningGate.OPEN);
        DashboardController controller = new DashboardController(mining, background, Clock.systemUTC());
        model = controller.model();
        DashboardPage dashboard = new DashboardPage(controller, row -> { });
        window = new MainWindow(dashboard.header());
        window.addPage(dashboard);
        store = new SettingsStore(home.resolve("config/settings.json"), Duration.ofSeconds(1));
        window.addPage(new SettingsPage(store, new KeySetup(home.resolve("keys/validator.json"), new KdfParams(1 << 14, 8, 1)),
                RpcNodeCheck.withDefaultTimeouts(), new NoKeychain("test"),
                new StartAtLogin("Linux", home.resolve("home"), null, List.of("/opt/qfc/bin/qfc-desktop-miner")),
                background, s -> { }, k -> { }));
        window.addPage(new LogsPage(new LogRing(), home.resolve("logs"), () -> settings, HardwareProbe.ofThisMachine()::probe,
                "1.0-test", background));
        scene = new Scene(window.root(), 1280, 800); // Monocle's headless screen; at 2x font: 640x400 logical, less than 960x540
        Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        Label probe = new Label("x");
        ((javafx.scene.layout.Pane) window.root()).getChildren().add(probe);
        probe.applyCss();
        themeFontSize = probe.getFont().getSize();
        ((javafx.scene.layout.Pane) window.root()).getChildren().remove(probe);
        // 200 %: twice the theme's font size on the root, which every size in em follows
        window.root().setStyle("-fx-font-size: " + 2 * themeFontSize + "px;");
    }

    @AfterEach
    void stop() {
        store.close();
        mining.close();
        background.shutdownNow();
    }

    @Test
    void theDashboardWithLongRealValuesShowsEveryTextWhole(FxRobot robot) {
        robot.interact(() -> {
            // values as the real app shows them on this machine (see docs/screenshots/dashboard-200.png)
            model.mining.set(true);
            model.state.set("Paused");
            model.stateStyle.set("paused");
            model.stateReason.set("paused: other programs use 92% of the CPU; CPU temperature unknown: heat limit not applied");
            model.node.set("http://127.0.0.1:33589/");
            model.nodeStatus.set("reachable, 14 ms, chain 1337, 0.1.0-devnet");
            model.address.set("0x29d4232b175384d71ae6489865424c5dc3783a2d");
            model.tier.set("Cold");
            model.backend.set("CPU");
            model.backendWhy.set("no GPU backend started (CUDA: this ONNX Runtime build has no CUDA provider and libcudart 12 "
                    + "not found; Metal: Metal needs macOS on Apple Silicon): using CPU");
            model.model.set("qfc-embed-small@v1.0 (hot)");
            model.tasks.set("12,345");
            model.accepted.set("12,301");
            model.passRate.set("99.6%");
            model.perMinute.set("133.6");
            model.lastInference.set("4 ms");
            model.standing.set("JAILED");
            model.jailed.set(true);
            model.jailCountdown.set("released in 5h 59m 12s");
            model.stake.set("9,500 QFC");
            model.stakeChange.set("-500 QFC");
            model.earnings.set("0.43 QFC today, 0.43 QFC locked, 0 QFC available");
            model.lastSlash.set("-500 QFC at 2026-11-22 02:25:37Z after task 1a2b3c4d…: output hash mismatch");
            model.slashAdvice.set(DashboardFormat.plainMessage("spot-check failed: output hash mismatch"));
            Instant now = Instant.parse("2026-11-22T10:00:00Z");
            model.feed.setAll(ProofFeedRow.governor(now, "Paused", "On battery power; resumes when plugged in."),
                    new ProofFeedRow(now, "1a2b3c4d".repeat(8), "qfc-embed-small@v1.0", 1234, "Accepted (spot-checked)",
                            "", true),
                    new ProofFeedRow(now, "9f8e7d6c".repeat(8), "qfc-embed-small@v1.0", 5, "Failed spot check",
                            DashboardFormat.plainMessage("spot-check failed"), false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertWholeAndInside("Dashboard");
        ScrollPane scroller = (ScrollPane) window.root().lookup(".scroll-pane");
        Node content = scroller.getContent();
        assertThat(content.getLayoutBounds().getHeight()).as("the page scrolls: it is taller than the window")
                .isGreaterThan(scroller.getViewportBounds().getHeight());
        assertThat(content.getLayoutBounds().getHeight()).as("and not squeezed below what it needs")
                .isGreaterThanOrEqualTo(content.prefHeight(content.getLayoutBounds().getWidth()) - 1);
    }

    @Test
    void theChartsHaveWholeTitlesAndHorizontalTimeLabelsThatDoNotOverlapAt200Percent(FxRobot robot) {
        showHistory(robot);
        assertWholeAndInside("Dashboard with history");
        assertChartsReadable();
    }

    @Test
    void theChartsHaveWholeTitlesAndHorizontalTimeLabelsThatDoNotOverlapAt100Percent(FxRobot robot) {
        robot.interact(() -> window.root().setStyle(""));
        showHistory(robot);
        assertWholeAndInside("Dashboard with history at 100 %");
        assertChartsReadable();
    }

    /** A day of history as the controller shows it: an hour per point, the score in TFLOP (as on the busy machine). */
    private void showHistory(FxRobot robot) {
        long now = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
        robot.interact(() -> {
            model.range.set(DashboardModel.Range.DAY);
            model.historyNowMs.set(now);
            model.scoreUnit.set("TFLOP");
            List<javafx.scene.chart.XYChart.Data<Number, Number>> accepted = new ArrayList<>();
            List<javafx.scene.chart.XYChart.Data<Number, Number>> score = new ArrayList<>();
            for (int h = 24; h > 0; h--) {
                long start = now - h * 3_600_000L;
                accepted.add(new javafx.scene.chart.XYChart.Data<>(TimeAxis.minutes(start), 7_000 + 13 * h));
                score.add(new javafx.scene.chart.XYChart.Data<>(TimeAxis.minutes(start), 4.85 - 0.18 * h));
            }
            model.acceptedSeries.getData().setAll(accepted);
            model.scoreSeries.getData().setAll(score);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Both history charts: a title that says what and in which unit, and on each axis tick labels that are horizontal,
     * do not overlap and lie inside the chart (at least 3 times on the time axis, so the labels were not all dropped).
     */
    private void assertChartsReadable() {
        for (String id : List.of("#dash-chart", "#dash-score-chart")) {
            javafx.scene.chart.XYChart<?, ?> chart = (javafx.scene.chart.XYChart<?, ?>) window.root().lookup(id);
            assertThat(chart).as(id).isNotNull();
            Labeled title = (Labeled) window.root().lookup(id + "-title");
            assertThat(title.getText()).as("the title says what is counted").containsAnyOf("Accepted proofs per hour",
                    "Inference score in TFLOP");
            for (javafx.scene.chart.Axis<?> axis : List.of(chart.getXAxis(), chart.getYAxis())) {
                List<Bounds> labels = new ArrayList<>();
                for (Node n : axis.getChildrenUnmodifiable()) {
                    if (n instanceof Text t && treeVisible(t) && !t.getText().isBlank()) {
                        assertThat(t.getRotate()).as(id + " tick label '" + t.getText() + "' is horizontal").isZero();
                        labels.add(t.localToScene(t.getBoundsInLocal()));
                    }
                }
                boolean horizontal = axis == chart.getXAxis();
                if (horizontal) {
                    assertThat(labels).as(id + ": time labels shown").hasSizeGreaterThanOrEqualTo(3);
                }
                labels.sort(java.util.Comparator.comparingDouble(b -> horizontal ? b.getMinX() : b.getMinY()));
                for (int i = 1; i < labels.size(); i++) {
                    Bounds a = labels.get(i - 1);
                    Bounds b = labels.get(i);
                    assertThat(horizontal ? b.getMinX() : b.getMinY()).as(id + ": tick labels do not overlap")
                            .isGreaterThanOrEqualTo(horizontal ? a.getMaxX() : a.getMaxY());
                }
                Bounds box = chart.localToScene(chart.getLayoutBounds());
                for (Bounds b : labels) {
                    assertThat(b.getMinX()).as(id + ": tick label inside the chart").isGreaterThanOrEqualTo(box.getMinX() - 1);
                    assertThat(b.getMaxX()).as(id + ": tick label inside the chart").isLessThanOrEqualTo(box.getMaxX() + 1);
                }
            }
        }
    }

    @Test
    void settingsShowEveryTextWhole(FxRobot robot) {
        robot.interact(() -> window.select("Settings"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shown().title()).isEqualTo("Settings");
        assertWholeAndInside("Settings");
    }

    @Test
    void logsShowEveryTextWhole(FxRobot robot) {
        robot.interact(() -> window.select("Logs"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shown().title()).isEqualTo("Logs");
        assertWholeAndInside("Logs");
    }

    @Test
    void theFontReallyIsTwiceTheTheme(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Labeled state = robot.lookup("#dash-state-reason").queryAs(Labeled.class);
        assertThat(themeFontSize).isBetween(10.0, 20.0);
        assertThat(state.getFont().getSize()).isEqualTo(2 * themeFontSize);
    }

    /** Every visible text shows whole (no "…", no lost line) and lies inside the window's width. */
    private void assertWholeAndInside(String page) {
        // a page just selected may not have had its layout pass yet on a loaded machine (its skins' texts still
        // empty): lay it out now, on the FX thread, as the next pulse would
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        List<String> cut = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        int checked = 0;
        for (Node n : window.root().lookupAll("*")) {
            if (!(n instanceof Labeled l) || !treeVisible(l) || l.getText() == null || l.getText().isBlank()) {
                continue;
            }
            if (l instanceof TableCell<?, ?> c && c.getTableColumn() != null && c.getTableColumn().getText().equals("Node says")) {
                continue; // the node's message may be long: the row's detail shows it whole
            }
            checked++;
            String expected = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
            String shown = shownText(l);
            if (!expected.equals(shown)) {
                cut.add("'" + expected + "' shown as '" + shown + "' (" + l.getClass().getSimpleName() + " " + l.getId() + ")");
            }
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getMaxX() > scene.getWidth() + 1 && !inTable(l)) { // tables and lists scroll sideways in themselves
                outside.add("'" + expected + "' ends at x=" + Math.round(b.getMaxX()));
            }
        }
        assertThat(checked).as("texts checked on " + page).isGreaterThan(5);
        assertThat(cut).as("texts cut short on " + page + " at 2x font").isEmpty();
        assertThat(outside).as("texts outside the window on " + page).isEmpty();
    }

    /** The text the skin really draws: its text node, with the ellipsis and without the lines that did not fit. */
    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Labeled inner) { // a menu button draws its text with a label of its own
                return shownText(inner);
            }
        }
        return "";
    }

    private static boolean inTable(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof javafx.scene.control.TableView<?> || x instanceof javafx.scene.control.ListView<?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean treeVisible(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
