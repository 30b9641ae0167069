package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --duration} ends a run whatever the node does (here: nobody listens, so the miner waits to retry its
 * registration), and the stop line names the real reason: the duration, or SIGTERM.
 */
class StopReasonTest {

    /** A loopback port nobody listens on: connections are refused at once. */
    private static String deadNode() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard only: the old miner never stopped here
    void theDurationEndsARunThatIsWaitingToRetryAnUnreachableNode() throws Exception {
        Path data = Devnets.dataDir("duration");
        Path keyFile = data.resolve("validator.key");
        Devnets.newKeyFile(keyFile);
        CommandRun r = CommandRun.run(QfcCommand.commandLine(), "mine", "--rpc", deadNode(), "--key-file",
                keyFile.toString(), "--data-dir", data.toString(), "--compute-mode", "none", "--duration", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stopped: the --duration of 2 s has passed");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sigtermIsNamedAsSuchNotAsCtrlC() throws Exception {
        Path data = Devnets.dataDir("sigterm");
        Path keyFile = data.resolve("validator.key");
        Devnets.newKeyFile(keyFile);
        Process miner = Devnets.childMiner(List.of(), data, keyFile, deadNode(), "term", "--compute-mode", "none");
        Path out = data.resolve("term.out");
        // wait until it is up and retrying (the unreachable event), then stop it as a service manager would
        while (!(Files.exists(out) && Files.readString(out).contains("\"event\":\"unreachable\""))) {
            assertThat(miner.isAlive()).as("the miner died early: " + Files.readString(data.resolve("term.err")))
                    .isTrue();
            Thread.sleep(100);
        }
        miner.destroy(); // SIGTERM
        assertThat(miner.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out)).contains("\"event\":\"stopped\"").contains("SIGTERM")
                .doesNotContain("Ctrl-C");
    }
}
