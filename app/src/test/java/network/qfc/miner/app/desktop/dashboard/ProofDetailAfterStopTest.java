package network.qfc.miner.app.desktop.dashboard;

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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.qfc.miner.app.desktop.Theme;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.MiningGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After Stop, a proof's detail and the history still read the journal (it outlives the mining session): mine for real
 * (the embedded devnet, the real qfc-embed-small), stop, then open a proof from the feed in a real (Monocle) window,
 * at 100 % in the light theme and at 200 % in the dark one: every field has its name, none cut short.
 */
@ExtendWith(ApplicationExtension.class)
class ProofDetailAfterStopTest {
    private static final Pattern ACCEPTED = Pattern.compile("Today \\(UTC\\): \\d+ tasks = (\\d+) accepted");

    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private MiningControl mining;
    private ProofDetailDialog detail;
    private DashboardPage page;
    private Scene scene;

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "")
                .withMining("inference", "cpu", home.resolve("models").toString());
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> new char[0], () -> MiningGate.OPEN);
        mining.tune(UnaryOperator.identity(), s -> s.withBenchmarkTime(Duration.ofMillis(200)));
        DashboardController controller = new DashboardController(mining, background, Clock.systemUTC());
        detail = new ProofDetailDialog(() -> mining.services().journal().orElse(null), background, () -> stage);
        page = new DashboardPage(controller, detail::open);
        scene = new Scene(new VBox(page.header(), page.view()), 1200, 900);
        Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        page.onActivate();
    }

    @AfterEach
    void stop() {
        // the page's refresh timers run on the FX thread, which outlives this test: stop them before their executor
        WaitForAsyncUtils.waitForAsyncFx(10_000, page::onDeactivate);
        mining.close();
        background.shutdownNow();
    }

    @Test
    void afterStopTheDetailAndTheHistoryStillReadTheJournal(FxRobot robot) throws Exception {
        robot.clickOn("#dash-toggle");
        waitFor(90, () -> Long.parseLong(text(robot, "#dash-accepted")) >= 2);
        robot.clickOn("#dash-toggle");
        waitFor(60, () -> text(robot, "#dash-state").equals("Not mining") && !mining.isMining());

        TableView<?> feed = robot.lookup("#dash-feed").queryAs(TableView.class);
        waitFor(10, () -> feed.getItems().stream().anyMatch(r -> ((ProofFeedRow) r).isProof()));
        ProofFeedRow row = (ProofFeedRow) feed.getItems().stream().filter(r -> ((ProofFeedRow) r).isProof()
                && ((ProofFeedRow) r).outcome().startsWith("Accepted")).findFirst().orElseThrow();

        List<String> names = openAndReadNames(robot, row, 1.0, AppSettings.ThemeChoice.LIGHT);
        assertThat(names).contains("Task", "State", "Model", "Output hash", "Signature", "Layout", "Node's answer");
        assertThat(openAndReadNames(robot, row, 2.0, AppSettings.ThemeChoice.DARK)).isEqualTo(names);

        // the history (today's totals from the journal) is there while nothing mines
        waitFor(20, () -> {
            Matcher m = ACCEPTED.matcher(text(robot, "#dash-totals"));
            return m.find() && Long.parseLong(m.group(1)) >= 2;
        });
        assertThat(text(robot, "#dash-totals")).contains("Since chain ").contains("was chosen");
    }

    /** Opens the detail, checks every name is drawn whole, closes it; returns the names in order. */
    private List<String> openAndReadNames(FxRobot robot, ProofFeedRow row, double scale, AppSettings.ThemeChoice theme)
            throws Exception {
        robot.interact(() -> detail.open(row));
        waitFor(10, () -> dialogPane().isPresent());
        DialogPane pane = dialogPane().orElseThrow();
        List<String> names = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            Theme.apply(theme, pane.getScene());
            pane.setStyle("-fx-font-size: " + 13 * scale + "px;");
            pane.applyCss();
            pane.layout();
            for (Node n : pane.lookupAll(".label")) {
                if (n instanceof Label l && l.getStyleClass().contains("text-muted") && l.getText() != null) {
                    names.add(l.getText());
                    if (!l.getText().equals(shownText(l))) {
                        cut.add("'" + l.getText() + "' drawn as '" + shownText(l) + "'");
                    }
                }
            }
        });
        assertThat(names).as("field names in the detail").hasSizeGreaterThan(8);
        assertThat(cut).as("names cut short at " + scale + "x, " + theme).isEmpty();
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        waitFor(10, () -> dialogPane().isEmpty());
        return names;
    }

    private static java.util.Optional<DialogPane> dialogPane() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane).map(s -> (DialogPane) s.getRoot()).findFirst();
    }

    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return "";
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }
}
