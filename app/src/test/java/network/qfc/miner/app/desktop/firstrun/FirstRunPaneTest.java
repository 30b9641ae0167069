package network.qfc.miner.app.desktop.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.NoKeychain;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** First-run setup in a real (Monocle) window: real key files, a real node on loopback, a real settings file. */
@ExtendWith(ApplicationExtension.class)
class FirstRunPaneTest {
    /** RFC 8032 test 1 secret key. */
    static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PASSWORD = "correct horse battery 9";

    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicReference<FirstRunResult> result = new AtomicReference<>();
    private SettingsStore settings;
    private FirstRunPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        stage.setScene(scene = new Scene(new StackPane(), 900, 800));
        stage.show();
    }

    private void open(FxRobot robot) {
        settings = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50));
        KeySetup keys = new KeySetup(dir.resolve("data/keys/validator.json"), new KdfParams(1 << 14, 8, 1));
        robot.interact(() -> {
            pane = new FirstRunPane(settings, keys, RpcNodeCheck.withDefaultTimeouts(),
                    new NoKeychain("no keychain in this test"), background, result::set);
            scene.setRoot(new StackPane(pane.view()));
        });
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (settings != null) {
            settings.close();
        }
    }

    @Test
    void newKeyOnACheckedCustomNodeReachesAResultAndIsSaved(FxRobot robot) throws Exception {
        try (LoopbackNode node = LoopbackNode.up()) {
            open(robot);
            robot.clickOn("#net-custom");
            robot.interact(() -> robot.lookup("#fr-custom-url").queryAs(TextInputControl.class).setText(node.url()));
            robot.clickOn("#fr-check");
            waitFor(() -> text(robot, "#fr-node-status").contains("chain id 9000"));
            assertThat(text(robot, "#fr-node-status")).startsWith("Reachable: chain id 9000 (testnet), node 2.0.1, ")
                    .endsWith(" ms");
            assertThat(text(robot, "#fr-node-warning")).isEmpty(); // plain http, but to this computer
            robot.clickOn("#fr-next-network");
            waitFor(() -> text(robot, "#fr-step").startsWith("Step 2"));

            robot.interact(() -> {
                password(robot, "#key-password", PASSWORD);
                password(robot, "#key-password-repeat", "something else");
            });
            assertThat(text(robot, "#key-strength")).isNotEmpty();
            robot.clickOn("#fr-next-key");
            waitFor(() -> text(robot, "#key-error").contains("differ"));
            assertThat(Files.exists(dir.resolve("data/keys/validator.json"))).isFalse();

            robot.interact(() -> {
                password(robot, "#key-password", PASSWORD);
                password(robot, "#key-password-repeat", PASSWORD);
            });
            robot.clickOn("#fr-next-key");
            waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
            String address = text(robot, "#fr-address");
            assertThat(address).matches("0x[0-9a-f]{40}");
            assertThat(robot.lookup("#fr-remember").queryAs(javafx.scene.control.CheckBox.class).isDisabled()).isTrue();
            assertThat(text(robot, "#fr-keychain-status")).contains("No OS keychain");

            Path keyFile = dir.resolve("data/keys/validator.json");
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (ValidatorKey opened = EncryptedKeyFile.read(keyFile, PASSWORD.toCharArray())) {
                assertThat(opened.address().toString()).isEqualTo(address);
            }
            assertThat(Files.readString(keyFile)).doesNotContain(PASSWORD);

            robot.clickOn("#fr-later");
            waitFor(() -> result.get() != null);
            FirstRunResult r = result.get();
            assertThat(r.startNow()).isFalse();
            assertThat(r.key()).isPresent();
            assertThat(r.key().get().address().toString()).isEqualTo(address);
        }
        settings.close();
        AppSettings saved = new SettingsStore(dir.resolve("config/settings.json"), Duration.ofMillis(50)).get();
        assertThat(saved.firstRunDone()).isTrue();
        assertThat(saved.network()).isEqualTo(AppSettings.Network.CUSTOM);
        assertThat(saved.customRpcUrl()).startsWith("http://127.0.0.1:");
        assertThat(saved.keystorePath()).isEqualTo(dir.resolve("data/keys/validator.json").toString());
        assertThat(saved.rememberPassword()).isFalse();
        assertThat(Files.readString(dir.resolve("config/settings.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void importedSecretGivesItsAddressAndLeavesNoTraceOnScreen(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#fr-next-network"); // testnet (not contacted: no check asked)
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 2"));
        robot.clickOn("#key-choice-import-secret");
        robot.interact(() -> {
            password(robot, "#key-secret", RFC8032_SEED);
            password(robot, "#key-password", PASSWORD);
            password(robot, "#key-password-repeat", PASSWORD);
        });
        robot.clickOn("#fr-next-key");
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
        try (ValidatorKey expected = ValidatorKey.fromHex(RFC8032_SEED)) {
            assertThat(text(robot, "#fr-address")).isEqualTo(expected.address().toString());
        }
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collectTexts(scene.getRoot(), texts));
        assertThat(texts).isNotEmpty();
        assertThat(texts).noneMatch(t -> t.toLowerCase(Locale.ROOT).contains(RFC8032_SEED));
        assertThat(texts).noneMatch(t -> t.contains(PASSWORD));
        robot.clickOn("#fr-start");
        waitFor(() -> result.get() != null);
        assertThat(result.get().startNow()).isTrue();
        assertThat(result.get().settings().network()).isEqualTo(AppSettings.Network.TESTNET);
        assertThat(Files.readString(dir.resolve("data/keys/validator.json"))).doesNotContain(RFC8032_SEED);
    }

    @Test
    void aNodeThatIsDownGetsAReadableError(FxRobot robot) throws Exception {
        String down = LoopbackNode.downUrl();
        open(robot);
        robot.clickOn("#net-custom");
        robot.interact(() -> robot.lookup("#fr-custom-url").queryAs(TextInputControl.class).setText(down));
        robot.clickOn("#fr-check");
        waitFor(() -> text(robot, "#fr-node-status").startsWith("Nothing answers"));
        assertThat(text(robot, "#fr-node-status")).isEqualTo("Nothing answers at " + down
                + ": check the URL, or that the node is running.");
    }

    @Test
    void devnetNeedsNoKey(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#net-devnet");
        robot.clickOn("#fr-next-network");
        waitFor(() -> text(robot, "#fr-step").startsWith("Step 3"));
        robot.clickOn("#fr-start");
        waitFor(() -> result.get() != null);
        assertThat(result.get().key()).isEmpty();
        assertThat(result.get().startNow()).isTrue();
        assertThat(result.get().settings().network()).isEqualTo(AppSettings.Network.DEVNET);
        assertThat(result.get().settings().firstRunDone()).isTrue();
        assertThat(Files.exists(dir.resolve("data/keys"))).isFalse();
    }

    static void collectTexts(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }

    private static void password(FxRobot robot, String id, String value) {
        robot.lookup(id).queryAs(TextInputControl.class).setText(value);
    }

    static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
