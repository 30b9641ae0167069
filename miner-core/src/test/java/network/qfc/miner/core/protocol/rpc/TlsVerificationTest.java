package network.qfc.miner.core.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verification is always on: a real HTTPS node on loopback with a self-signed certificate (made by the JDK's
 * keytool for 127.0.0.1) is refused with a clear, final error, and no JSON-RPC call ever reaches it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsVerificationTest {
    private static final char[] STORE_PASSWORD = "test-only-store".toCharArray();

    static Path selfSignedKeyStore(Path dir) throws Exception {
        Path store = dir.resolve("node.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "node", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return store;
    }

    static HttpsServer httpsNode(Path store, AtomicInteger calls) throws Exception {
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
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"version\":\"x\",\"chainId\":\"0x539\",\"peerCount\":0,\"isValidator\":false,\"syncing\":false}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void aSelfSignedNodeIsRefusedWithAClearFinalError(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpsServer server = httpsNode(selfSignedKeyStore(dir), calls);
        try (QfcRpcClient client = new QfcRpcClient("https://127.0.0.1:" + server.getAddress().getPort() + "/")) {
            assertThatThrownBy(client::nodeInfo).isInstanceOfSatisfying(RpcException.class, e -> {
                assertThat(e.kind()).isEqualTo(RpcException.Kind.TLS_UNTRUSTED);
                assertThat(e.isTransient()).as("not retried: it would never get better by itself").isFalse();
                assertThat(e.getMessage()).contains("TLS certificate").contains("could not be verified")
                        .contains("https://127.0.0.1:" + server.getAddress().getPort()).doesNotContain("\n");
            });
            assertThat(calls).as("no JSON-RPC call reached the untrusted node").hasValue(0);
        } finally {
            server.stop(0);
        }
    }
}
