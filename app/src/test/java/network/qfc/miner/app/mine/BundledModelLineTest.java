package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code mine} on an empty model cache installs qfc-embed-small from the bundled copy and says so in one line. */
class BundledModelLineTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a hang guard only
    void anEmptyModelCacheGetsTheBundledCopyWithOneLine() throws Exception {
        Path data = Devnets.dataDir("fresh-models");
        Path models = Files.createDirectories(data.resolve("models"));
        Path keyFile = data.resolve("validator.key");
        Devnets.newKeyFile(keyFile);
        String rpc;
        try (ServerSocket s = new ServerSocket(0)) {
            rpc = "http://127.0.0.1:" + s.getLocalPort(); // nobody answers: the run ends by its --duration
        }
        CommandRun r = CommandRun.run(QfcCommand.commandLine(), "mine", "--rpc", rpc, "--key-file", keyFile.toString(),
                "--data-dir", data.toString(), "--model-dir", models.toString(), "--backend", "cpu", "--threads", "1",
                "--duration", "3", "--no-update-check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsOnlyOnce("model qfc-embed-small@v1.0: was not installed: installed it from the copy "
                + "bundled with the app into " + models.resolve("qfc-embed-small"));
        assertThat(models.resolve("qfc-embed-small/v1.0/model.onnx")).isRegularFile();
    }
}
