package network.qfc.miner.devnet.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.core.runtime.MinerStartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the miner talks to nodes, end to end: a self-signed HTTPS node is refused at start with a clear message (not
 * retried for ever), and plain HTTP to a host that is not this computer needs the explicit consent.
 * (The 64 KiB task input limit: {@code NodeFaultsTest#aTaskInputOver64KiBIsRefusedNotRun}; the devnet on loopback by
 * default: {@code DevnetRpcTest}, {@code DevnetCommandTest}.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TalkingToNodesTest {
    private static final char[] STORE_PASSWORD = "test-only-store".toCharArray();

    @Test
    void aMinerRefusesANodeWhoseTlsCertificateItCannotVerify(@TempDir Path tmp) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpsServer server = selfSignedNode(tmp, calls);
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
        try (MinerRuntime runtime = new MinerRuntime(MiningDevnets.settings(url, MiningDevnets.dataDir("tls")))) {
            assertThatThrownBy(() -> runtime.start().orTimeout(90, TimeUnit.SECONDS).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(MinerStartException.class)
                    .hasMessageContaining("TLS certificate").hasMessageContaining("could not be verified")
                    .hasMessageContaining(url.substring(0, url.length() - 1));
            assertThat(calls).as("not one JSON-RPC call reached it").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpToAnotherComputerNeedsExplicitConsent() {
        MinerSettings local = MiningDevnets.settings("http://127.0.0.1:8545/", MiningDevnets.dataDir("url"));
        assertThatThrownBy(() -> MiningDevnets.settings("http://192.0.2.7:8545/", MiningDevnets.dataDir("url")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not encrypted").hasMessageContaining("--allow-insecure-http");
        MinerSettings allowed = new MinerSettings("http://192.0.2.7:8545/", true, local.keySource(), local.backend(),
                local.computeMode(), local.modelDir(), local.directories(), local.threads(), local.maxProofs(),
                local.duration(), local.standingPeriod(), local.statusPeriod(), local.assumedJail(),
                local.benchmarkTime(), local.governor(), local.tamper(), local.version());
        assertThat(allowed.allowInsecureHttp()).isTrue();
        assertThat(MiningDevnets.settings("https://192.0.2.7:8545/", MiningDevnets.dataDir("url")).rpcUrl())
                .as("https anywhere is fine").startsWith("https://");
    }

    private static HttpsServer selfSignedNode(Path dir, AtomicInteger calls) throws Exception {
        Path store = dir.resolve("node.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "node", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        return server;
    }
}
