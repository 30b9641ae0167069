package network.qfc.miner.app.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.app.mine.MineCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mine}'s update line, from a releases feed served on loopback; {@code --no-update-check} asks nothing. */
class UpdateNoticeTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String feed;

    @TempDir
    Path data;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/releases.atom", ex -> {
            requests.incrementAndGet();
            byte[] b = ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>v99.0.0</title>"
                    + "<link href=\"https://example.invalid/tag/v99.0.0\"/></entry></feed>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        feed = "http://127.0.0.1:" + server.getAddress().getPort() + "/releases.atom";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CommandRun mine(String... extra) {
        CommandLine cl = QfcCommand.commandLine();
        ((MineCommand) cl.getSubcommands().get("mine").getCommand())
                .withEnvironment(Map.of("QFC_UPDATE_FEED", feed));
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"mine", "--devnet", "--max-proofs", "1", "--data-dir", data.toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return CommandRun.run(cl, args);
    }

    @Test
    void aNewerReleaseIsOneQuietLineOfTheRun() {
        CommandRun r = mine();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsOnlyOnce("update: qfc-desktop-miner 99.0.0 is out (this is 0.1.0): "
                + "https://example.invalid/tag/v99.0.0");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void noUpdateCheckAsksNothing() {
        CommandRun r = mine("--no-update-check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("update:");
        assertThat(requests.get()).isZero();
    }
}
