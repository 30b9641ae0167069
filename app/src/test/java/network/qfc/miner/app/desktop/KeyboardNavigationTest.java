package network.qfc.miner.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.dashboard.ProofDetailDialog;
import network.qfc.miner.app.desktop.dashboard.ProofFeedRow;
import network.qfc.miner.app.desktop.hardware.HardwarePage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.GateDecision;
import network.qfc.miner.core.mining.MiningGate;
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
 * The main window driven by the keyboard only (robot key presses, no clicks): Ctrl+N and the arrow keys switch
 * pages, Tab goes sidebar, main control, chart range, feed (and Shift+Tab back), Space and Enter start and stop mining for real (the
 * embedded devnet, the real model), Enter on a proof opens its detail from the real journal and Esc or Enter closes
 * it. A governor pause shows as its own row, which Enter leaves alone.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardNavigationTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final AtomicReference<GateDecision> gate = new AtomicReference<>(new GateDecision.Pause("paused: on battery power"));
    private MiningControl mining;
    private DashboardController dashboard;
    private LiveSampler sampler;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "")
                .withMining("inference", "cpu", home.resolve("models").toString());
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> {
            throw new AssertionError("the devnet needs no password");
        }, () -> gate::get);
        dashboard = new DashboardController(mining, background, Clock.systemUTC());
        ProofDetailDialog detail = new ProofDetailDialog(() -> mining.current().map(r -> r.journal()).orElse(null),
                background, () -> stage);
        DashboardPage dashboardPage = new DashboardPage(dashboard, detail::open);
        window = new MainWindow(dashboardPage.header());
        window.addPage(dashboardPage);
        sampler = new LiveSampler(HardwareSource.ofThisMachine());
        window.addPage(new HardwarePage(HardwareProbe.ofThisMachine()::probe, sampler, background));
        window.addPage(new TextPage("Settings"));
        window.addPage(new TextPage("Logs"));
        Scene scene = new Scene(window.root(), 1200, 900);
        Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        dashboardPage.onActivate();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.onDeactivate();
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
        mining.close();
        sampler.close();
        background.shutdownNow();
    }

    @Test
    void ctrlNumberAndArrowKeysSwitchPagesAndTheTooltipsSaySo(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(window.shown().title()).isEqualTo("Settings");
        assertThat(robot.lookup("#nav-settings").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(window.shown().title()).isEqualTo("Hardware");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL); // no 9th page
        assertThat(window.shown().title()).isEqualTo("Hardware");

        robot.interact(() -> robot.lookup("#nav-hardware").query().requestFocus());
        robot.type(KeyCode.DOWN);
        assertThat(window.shown().title()).isEqualTo("Settings");
        assertThat(focused(robot).getId()).isEqualTo("nav-settings");
        robot.type(KeyCode.DOWN, 2);
        assertThat(window.shown().title()).isEqualTo("Logs"); // the last page stays the last
        robot.type(KeyCode.UP, 2);
        assertThat(window.shown().title()).isEqualTo("Hardware");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(window.shown().title()).isEqualTo("Dashboard");

        Labeled nav = robot.lookup("#nav-logs").queryAs(Labeled.class);
        assertThat(nav.getTooltip().getText()).isEqualTo("Logs (" + MainWindow.shortcut(4).getDisplayText() + ")");
    }

    @Test
    void tabGoesSidebarThenMainControlThenFeedThenHistoryAndBackAndTheFocusShows(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#nav-dashboard").query().requestFocus());
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 12 && !"dash-feed".equals(focused(robot).getId()); i++) {
            robot.type(KeyCode.TAB);
            order.add(String.valueOf(focused(robot).getId()));
        }
        // the sidebar is one stop (the page shown; the arrows move within it, as in any group of choices)
        assertThat(order).startsWith("dash-toggle");
        assertThat(order).endsWith("dash-feed");

        robot.type(KeyCode.TAB); // the feed passes the focus on to the earnings' periods (Tab is not swallowed by the table)
        assertThat(focused(robot).getId()).isEqualTo("dash-earnings-day");
        for (int i = 0; i < 6 && !"dash-range-hour".equals(focused(robot).getId()); i++) {
            robot.type(KeyCode.TAB); // then the history's range
        }
        assertThat(focused(robot).getId()).isEqualTo("dash-range-hour");
        for (int i = 0; i < 6 && !"dash-feed".equals(focused(robot).getId()); i++) {
            robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        }
        assertThat(focused(robot).getId()).isEqualTo("dash-feed");
        while (!"dash-toggle".equals(focused(robot).getId()) && order.size() < 40) {
            robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
            order.add(focused(robot).getId());
        }
        assertThat(focused(robot).getId()).isEqualTo("dash-toggle");
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        assertThat(focused(robot).getId()).isEqualTo("nav-dashboard");

        // the focus is visible: AtlantaFX draws the focused button differently, nothing here turns that off
        Button toggle = robot.lookup("#dash-toggle").queryAs(Button.class);
        robot.interact(() -> robot.lookup("#nav-dashboard").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        Object unfocused = paint(toggle);
        robot.interact(toggle::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("focused"));
        assertThat(paint(toggle)).isNotEqualTo(unfocused);
    }

    @Test
    void spaceStartsEnterOpensAProofAndEscAndEnterCloseItAndEnterStops(FxRobot robot) throws Exception {
        mining.tune(UnaryOperator.identity(), s -> s.withBenchmarkTime(Duration.ofMillis(200)));
        robot.interact(() -> robot.lookup("#dash-toggle").query().requestFocus());
        robot.type(KeyCode.SPACE);
        TableView<?> feed = robot.lookup("#dash-feed").queryAs(TableView.class);
        // the governor (a stand-in for a laptop on battery) holds mining back: one row says so, in plain words
        waitFor(60, () -> feed.getItems().stream().anyMatch(r -> !((ProofFeedRow) r).isProof()));
        ProofFeedRow paused = (ProofFeedRow) feed.getItems().get(0);
        assertThat(paused.outcome()).isEqualTo("Paused");
        assertThat(paused.message()).isEqualTo("On battery power; resumes when plugged in.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() == paused).findFirst().orElseThrow().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("governor"));
        robot.interact(() -> {
            feed.requestFocus();
            feed.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detailWindows()).as("a governor row has no proof detail").isEmpty();

        gate.set(GateDecision.RUN); // plugged in
        waitFor(90, () -> feed.getItems().stream().filter(r -> ((ProofFeedRow) r).isProof()).count() >= 2);
        robot.interact(() -> {
            feed.requestFocus();
            feed.getSelectionModel().select(feed.getItems().stream().filter(r -> ((ProofFeedRow) r).isProof())
                    .findFirst().map(r -> feed.getItems().indexOf(r)).orElseThrow());
        });
        ProofFeedRow proof = (ProofFeedRow) feed.getSelectionModel().getSelectedItem();
        robot.type(KeyCode.ENTER);
        waitFor(20, () -> detailWindows().size() == 1);
        Stage detail = (Stage) detailWindows().get(0);
        assertThat(detail.getTitle()).isEqualTo("Proof " + proof.taskId().substring(0, 8) + "…");
        assertThat(detail.getScene().getFocusOwner()).isInstanceOf(Button.class); // Close, ready for Enter
        robot.type(KeyCode.ESCAPE);
        waitFor(10, () -> detailWindows().isEmpty());

        robot.interact(feed::requestFocus);
        robot.type(KeyCode.ENTER);
        waitFor(20, () -> detailWindows().size() == 1);
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> detailWindows().isEmpty());

        robot.interact(() -> robot.lookup("#dash-toggle").query().requestFocus());
        assertThat(robot.lookup("#dash-toggle").queryAs(Labeled.class).getText()).isEqualTo("_Stop mining");
        robot.type(KeyCode.ENTER);
        waitFor(60, () -> robot.lookup("#dash-state").queryAs(Labeled.class).getText().equals("Not mining"));
        assertThat(robot.lookup("#dash-toggle").queryAs(Labeled.class).getText()).isEqualTo("_Start mining");
    }

    private static Object paint(Button b) {
        return List.of(String.valueOf(b.getBorder() == null ? null : b.getBorder().getStrokes()),
                String.valueOf(b.getBackground() == null ? null : b.getBackground().getFills()));
    }

    private static List<Window> detailWindows() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Proof ") && s.isShowing())
                .toList();
    }

    private Node focused(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** A page with one focusable button, standing in for the pages not under test here. */
    private record TextPage(String title, Node view) implements Page {
        TextPage(String title) {
            this(title, new StackPane(new Button(title + " page")));
        }
    }
}
