package network.qfc.miner.app.desktop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.desktop.dbus.PrivateSessionBus;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.dbus.TestNotificationServer;
import network.qfc.miner.app.desktop.mining.DevnetMining;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.xvfb.Await;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.mining.OutputTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications without a tray: the app's notices reach a notification server on a private session bus with the
 * right summary and body, once each. The jail and the slash come from the real embedded devnet (every proof spot
 * checked, a miner whose output is tampered with).
 */
class MinerNoticesTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void aJailAndASlashFromTheDevnetReachTheNotificationServerOnceEach(@TempDir Path home) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestNotificationServer server = TestNotificationServer.on(daemon);
             SessionBus appBus = daemon.connect();
             MinerNotices notices = new MinerNotices()) {
            notices.use(NotifierChoice.choose("Linux", Optional.of(appBus), TrayHost.NONE, false, "/icons/qfc.png"));
            assertThat(notices.notifier().kind()).isEqualTo("org.freedesktop.Notifications");
            MiningControl mining = DevnetMining.control(home);
            try {
                mining.tune(d -> d.withSpotCheckRate(OptionalDouble.of(1.0)).withJailMs(Duration.ofMinutes(30).toMillis()),
                        s -> s.withTamper(OutputTamper.FLIP_FIRST_BIT).withBenchmarkTime(Duration.ofMillis(200))
                                .withPeriods(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(30)));
                notices.listen(mining.services().events());
                mining.start().get(120, TimeUnit.SECONDS);
                Await.until("a jail and a slash shown by the notification server", Duration.ofSeconds(120),
                        () -> summaries(server).containsAll(List.of("Miner jailed", "Stake slashed")),
                        () -> server.shown().toString());
                // the miner keeps asking the node for its standing while jailed: let a few answers come, then stop
                Thread.sleep(3000);
                mining.stop().get(60, TimeUnit.SECONDS);
            } finally {
                mining.close();
            }
            List<TestNotificationServer.Shown> shown = server.shown();
            assertThat(summaries(server)).as("once each: " + shown).containsExactlyInAnyOrder("Miner jailed", "Stake slashed");
            TestNotificationServer.Shown jail = shown.stream().filter(s -> s.summary().equals("Miner jailed")).findFirst()
                    .orElseThrow();
            assertThat(jail.appName()).isEqualTo("QFC Desktop Miner");
            assertThat(jail.appIcon()).isEqualTo("/icons/qfc.png");
            assertThat(jail.urgency()).as("critical").isEqualTo(2);
            assertThat(jail.body()).startsWith("The node jailed this miner until ")
                    .endsWith("Mining resumes by itself when the jail ends.");
            TestNotificationServer.Shown slash = shown.stream().filter(s -> s.summary().equals("Stake slashed")).findFirst()
                    .orElseThrow();
            assertThat(slash.body()).matches(".+ QFC of your stake was taken: .+\\. Open the app's dashboard for what to do\\.");
        }
    }

    @Test
    void aNodeLostForThreeMinutesADownloadAndAPasswordAreToldOnceEach() throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestNotificationServer server = TestNotificationServer.on(daemon);
             SessionBus appBus = daemon.connect();
             MinerNotices notices = new MinerNotices()) {
            notices.use(NotifierChoice.choose("Linux", Optional.of(appBus), TrayHost.NONE, false, ""));
            Instant t = Instant.parse("2026-12-07T08:00:00Z");
            String url = "https://rpc.testnet.qfc.network";
            Duration retry = Duration.ofSeconds(30);
            // an outage of 2 min 59 s is not told; the same outage past 3 minutes is told once, however long it lasts
            notices.onEvent(new MinerEvent.NodeUnreachable(t, url, "connect refused", retry));
            notices.onEvent(new MinerEvent.NodeUnreachable(t.plusSeconds(179), url, "connect refused", retry));
            notices.onEvent(new MinerEvent.NodeUnreachable(t.plusSeconds(180), url, "connect refused", retry));
            notices.onEvent(new MinerEvent.NodeUnreachable(t.plusSeconds(400), url, "connect refused", retry));
            // a download of two files is told once, when the miner's first result with the model came
            notices.onEvent(new MinerEvent.ModelDownloadProgress(t, "qfc-embed-small@v1.0", 10, 100, "model.onnx"));
            notices.onEvent(new MinerEvent.ModelDownloadProgress(t, "qfc-embed-small@v1.0", 100, 100, "model.onnx"));
            notices.onEvent(new MinerEvent.ModelDownloadProgress(t, "qfc-embed-small@v1.0", 7, 7, "tokenizer.json"));
            notices.onEvent(new MinerEvent.InferenceDone(t, "t1", "qfc-embed-small@v1.0", 5, "ab", "cpu"));
            notices.onEvent(new MinerEvent.InferenceDone(t, "t2", "qfc-embed-small@v1.0", 5, "cd", "cpu"));
            notices.passwordNeeded();
            Await.until("three notifications", STEP, () -> server.shown().size() >= 3, () -> server.shown().toString());
            // a reachable node ends the outage; a new one is told again
            notices.onEvent(new MinerEvent.NodeReachable(t.plusSeconds(500), url, 12));
            notices.onEvent(new MinerEvent.NodeUnreachable(t.plusSeconds(600), url, "timeout", retry));
            notices.onEvent(new MinerEvent.NodeUnreachable(t.plusSeconds(800), url, "timeout", retry));
            Await.until("four notifications", STEP, () -> server.shown().size() >= 4, () -> server.shown().toString());
            notices.close(); // the notices raised so far are sent, in order, before it returns
            assertThat(server.shown()).extracting(TestNotificationServer.Shown::summary).containsExactly("Node lost",
                    "Model ready", "QFC Desktop Miner needs your password", "Node lost");
            assertThat(server.shown().get(0).body())
                    .isEqualTo("No answer from https://rpc.testnet.qfc.network for over 3 minutes; still retrying.");
            assertThat(server.shown().get(1).body()).isEqualTo("qfc-embed-small@v1.0 is downloaded and verified; mining with it.");
            assertThat(server.shown().get(1).urgency()).as("normal").isEqualTo(1);
            assertThat(server.shown().get(2).body())
                    .isEqualTo("Type your key file's password in the window that opened to start mining.");
        }
    }

    @Test
    void onlyOneWayIsChosenAndNoneWithoutAServerOrABalloon() throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start(); SessionBus appBus = daemon.connect()) {
            assertThat(NotifierChoice.choose("Linux", Optional.of(appBus), TrayHost.NONE, false, "").kind())
                    .as("no server, no tray").isEqualTo("none");
            assertThat(NotifierChoice.choose("Linux", Optional.empty(), TrayHost.NONE, true, "").kind())
                    .as("a tray without balloons (a StatusNotifierItem) and no bus").isEqualTo("none");
            try (TestNotificationServer server = TestNotificationServer.on(daemon)) {
                assertThat(NotifierChoice.choose("Mac OS X", Optional.of(appBus), TrayHost.NONE, false, "").kind())
                        .as("macOS keeps the balloon, never D-Bus").isEqualTo("none");
                assertThat(NotifierChoice.choose("Linux", Optional.of(appBus), TrayHost.NONE, true, "").kind())
                        .isEqualTo("org.freedesktop.Notifications");
            }
        }
    }

    private static List<String> summaries(TestNotificationServer server) {
        return server.shown().stream().map(TestNotificationServer.Shown::summary).toList();
    }
}
