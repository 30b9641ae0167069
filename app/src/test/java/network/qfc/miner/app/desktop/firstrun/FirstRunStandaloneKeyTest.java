package network.qfc.miner.app.desktop.firstrun;

import static network.qfc.miner.app.desktop.firstrun.FirstRunPaneTest.PASSWORD;
import static network.qfc.miner.app.desktop.firstrun.FirstRunPaneTest.collectTexts;
import static network.qfc.miner.app.desktop.firstrun.FirstRunPaneTest.text;
import static network.qfc.miner.app.desktop.firstrun.FirstRunPaneTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.qfc.miner.app.EmbeddedDevnet;
import network.qfc.miner.app.desktop.MainWindow;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.xvfb.Await;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.NodeGeneration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop's first run with a new miner key that no node knows as a validator (a standalone miner), against a
 * real devnet on loopback playing the newest generation with open mode off: only registration with the key's
 * {@code publicKey} lets it mine. Set up through the custom-URL choice, "Start mining now", then the dashboard as the
 * app shows it: the real model, a real journal, proofs accepted by the node.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunStandaloneKeyTest {
    private static final String STANDALONE_STANDING = "Standalone miner: proofs are accepted and counted here; not a"
            + " validator, so the node keeps no score, stake or jail for this key (it cannot be slashed)";

    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final AtomicReference<FirstRunResult> result = new AtomicReference<>();
    private final AtomicReference<DashboardController> dashboard = new AtomicReference<>();
    private SettingsStore settings;
    private MiningControl mining;
    private DevnetNode node;
    private Scene scene;

    @Start
    void start(Stage stage) {
        stage.setScene(scene = new Scene(new StackPane(), 1180, 820));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        DashboardController d = dashboard.get();
        if (d != null) {
            WaitForAsyncUtils.asyncFx(d::onDeactivate).get(10, TimeUnit.SECONDS);
        }
        if (mining != null) {
            mining.close();
        }
        background.shutdownNow();
        if (settings != null) {
            settings.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aNewMinerKeyMinesAsAStandaloneMinerOnTheNewestNode(FxRobot robot) throws Exception {
        Path models = dir.resolve("models");
        // the newest generation, open mode off: the node admits no validator, so only its registry takes the key
        node = DevnetNode.start(EmbeddedDevnet.config(models, NodeGeneration.LATEST).withOpenMode(false)
                .withChallengeRate(OptionalDouble.of(0.0)));
        List<DevnetEvent> seen = new CopyOnWriteArrayList<>();
        node.addListener(seen::add);
        String url = node.url().toString();

        // a model folder chosen before (the bundled qfc-embed-small is in it): the miner needs no download here
        settings = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50));
        settings.update(settings.get().withMining("inference", "cpu", models.toString()));
        mining = new MiningControl(AppDirectories.under(dir), settings::get, () -> PASSWORD.toCharArray(),
                () -> MiningGate.OPEN).tune(d -> d, s -> s.withBenchmarkTime(Duration.ofMillis(200)));
        KeySetup keys = new KeySetup(dir.resolve("data/keys/validator.json"), new KdfParams(1 << 14, 8, 1));
        robot.interact(() -> {
            FirstRunPane pane = new FirstRunPane(settings, keys, RpcNodeCheck.withDefaultTimeouts(),
                    new NoKeychain("no keychain in this test"), background, this::showDashboard);
            scene.setRoot(new StackPane(pane.view()));
        });

        robot.clickOn("#net-custom");
        robot.interact(() -> robot.lookup("#fr-custom-url").queryAs(TextInputControl.class).setText(url));
        robot.clickOn("#fr-check");
        waitFor(() -> text(robot, "#fr-node-status").startsWith("Reachable"));
        robot.clickOn("#fr-next-network");
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 2"));

        List<String> words = new ArrayList<>();
        robot.interact(() -> collectTexts(scene.getRoot(), words));
        assertThat(words).as("the key step names it a miner key")
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("miner key"))
                .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("validator key"));

        robot.interact(() -> {
            robot.lookup("#key-password").queryAs(TextInputControl.class).setText(PASSWORD);
            robot.lookup("#key-password-repeat").queryAs(TextInputControl.class).setText(PASSWORD);
        });
        robot.clickOn("#fr-next-key");
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
        Address address = Address.parse(text(robot, "#fr-address"));
        robot.interact(() -> collectTexts(scene.getRoot(), words));
        assertThat(words).noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("validator key"));
        assertThat(node.state().publicKey(address)).as("a new key: no validator of this node").isEmpty();

        robot.clickOn("#fr-start");
        Await.until("3 proofs accepted on the dashboard and its Standing card saying standalone miner",
                Duration.ofSeconds(45),
                () -> dashboard.get() != null && accepted(robot) >= 3
                        && STANDALONE_STANDING.equals(fx(() -> text(robot, "#dash-standing"))),
                () -> "dashboard: state=" + fx(() -> text(robot, "#dash-state")) + " ("
                        + fx(() -> text(robot, "#dash-state-reason")) + "), accepted=" + fx(() -> text(robot,
                        "#dash-accepted")) + ", standing=" + fx(() -> text(robot, "#dash-standing"))
                        + "\ndevnet events: " + seen);

        assertThat(result.get().startNow()).isTrue();
        assertThat(result.get().settings().network()).isEqualTo(AppSettings.Network.CUSTOM);
        assertThat(node.registry().get(address)).as("registered in the node's miner registry (with its publicKey)")
                .isPresent();
        assertThat(node.state().validators()).as("and still no validator").isEmpty();
        assertThat(seen).filteredOn(DevnetEvent.MinerRegistration.class::isInstance)
                .map(DevnetEvent.MinerRegistration.class::cast)
                .anySatisfy(r -> {
                    assertThat(r.miner()).isEqualTo(address);
                    assertThat(r.registered()).as(r.message()).isTrue();
                    assertThat(r.admitted()).as("not admitted as a validator").isFalse();
                });
        List<DevnetEvent.ProofAnswered> answered = seen.stream().filter(DevnetEvent.ProofAnswered.class::isInstance)
                .map(DevnetEvent.ProofAnswered.class::cast).toList();
        assertThat(answered).filteredOn(DevnetEvent.ProofAnswered::accepted).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(a -> assertThat(a.validator()).isEqualTo(address));
        assertThat(answered).filteredOn(a -> !a.accepted()).as("none refused once the layout was negotiated")
                .allSatisfy(a -> assertThat(a.message()).doesNotContain("Unknown"));
        assertThat(fx(() -> text(robot, "#dash-rejected"))).isEqualTo("0");
        assertThat(fx(() -> text(robot, "#dash-address"))).isEqualTo(address.toString());
        List<String> dashboardWords = new ArrayList<>();
        robot.interact(() -> collectTexts(scene.getRoot(), dashboardWords));
        assertThat(dashboardWords).as("the dashboard calls the key a miner key, not a validator").contains("Miner key")
                .doesNotContain("Validator").noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("validator key"));
        assertThat(mining.current().orElseThrow().snapshot().node().standalone()).isTrue();
    }

    /** The first run's end, as DesktopApp does it: the dashboard replaces the setup and mining starts if asked. */
    private void showDashboard(FirstRunResult r) {
        result.set(r);
        r.key().ifPresent(k -> k.destroy());
        DashboardController controller = new DashboardController(mining, background, Clock.systemUTC());
        DashboardPage page = new DashboardPage(controller, row -> { });
        MainWindow w = new MainWindow(page.header());
        w.addPage(page);
        scene.setRoot(w.root());
        controller.onActivate();
        dashboard.set(controller);
        if (r.startNow()) {
            controller.onToggleMining();
        }
    }

    private static long accepted(FxRobot robot) {
        String n = fx(() -> text(robot, "#dash-accepted"));
        return n.matches("\\d+") ? Long.parseLong(n) : 0;
    }

    /** Reads from the FX thread (the dashboard's labels change there). */
    private static String fx(java.util.concurrent.Callable<String> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }
}
