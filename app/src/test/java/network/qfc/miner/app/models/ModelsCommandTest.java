package network.qfc.miner.app.models;

import static network.qfc.miner.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import network.qfc.miner.app.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code models} commands end to end, on a temporary cache, the real bundled artifact and a loopback hub. */
class ModelsCommandTest {
    @TempDir
    Path tmp;

    private String dir() {
        return tmp.resolve("models").toString();
    }

    private Map<String, String> states() throws Exception {
        CommandRun r = run("models", "list", "--json", "--model-dir", dir());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        Map<String, String> m = new java.util.LinkedHashMap<>();
        rows.forEach(n -> m.put(n.get("model").asText(), n.get("state").asText()));
        return m;
    }

    @Test
    void listSaysWhetherThisMachineMayRunEachModelAndWhyNot() throws Exception {
        CommandRun r = run("models", "list", "--json", "--model-dir", dir());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> runsHere = new java.util.LinkedHashMap<>();
        new ObjectMapper().readTree(r.out()).forEach(n -> runsHere.put(n.get("model").asText(), n.get("runsHere").asText()));
        // this build machine: CPU only, so the Cold tier (protocol page, "Tiers (node code)")
        assertThat(runsHere.get("qfc-embed-small@v1.0")).isEqualTo("yes");
        assertThat(runsHere.get("qfc-classify-small@v1.0")).startsWith("no: ").contains("Warm");
        assertThat(runsHere.get("qfc-embed-medium@v1.0")).startsWith("no: ").contains("Warm");
        CommandRun table = run("models", "list", "--model-dir", dir());
        assertThat(table.out()).containsPattern("qfc-embed-small@v1.0\\s+missing.*\\byes\\b")
                .containsPattern("qfc-classify-small@v1.0\\s+missing.*\\bno\\b");
    }

    private static Path artifactJar() throws Exception {
        URL res = ModelsCommandTest.class.getResource("/all-minilm-l6-v2.onnx");
        String u = res.toString();
        return Path.of(new java.net.URI(u.substring(4, u.indexOf("!/"))));
    }

    @Test
    void listImportVerifyFlippedByteAndRemove() throws Exception {
        assertThat(states()).containsExactly(Map.entry("qfc-embed-small@v1.0", "missing"),
                Map.entry("qfc-embed-medium@v1.0", "missing"), Map.entry("qfc-classify-small@v1.0", "missing"));
        CommandRun table = run("models", "list", "--model-dir", dir());
        assertThat(table.out()).contains("MODEL").contains("qfc-embed-medium@v1.0").contains("Warm 2048MB");

        CommandRun imp = run("models", "import", "qfc-embed-small", "--from", artifactJar().toString(), "--model-dir", dir());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("imported qfc-embed-small@v1.0").contains("2 files");
        assertThat(states()).containsEntry("qfc-embed-small@v1.0", "installed");

        CommandRun ok = run("models", "verify", "--model-dir", dir());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("qfc-embed-small@v1.0: ok");

        Path onnx = tmp.resolve("models/qfc-embed-small/v1.0/model.onnx");
        try (var ch = java.nio.channels.FileChannel.open(onnx, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, 1_000_000);
            b.put(0, (byte) (b.get(0) ^ 0x40)).rewind();
            ch.write(b, 1_000_000);
        }
        CommandRun bad = run("models", "verify", "qfc-embed-small", "--model-dir", dir());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("BAD model.onnx")
                .contains("expected sha256 ca46f1a88a9c6e61b918af1ab38be3e7903b986616551f0a6f10a7ecc5730cd4");

        CommandRun rm = run("models", "remove", "qfc-embed-small", "--model-dir", dir());
        assertThat(rm.code()).isZero();
        assertThat(rm.out()).contains("removed qfc-embed-small@v1.0");
        assertThat(states()).containsEntry("qfc-embed-small@v1.0", "missing");
    }

    @Test
    void pullWithTheHubUnreachableSeedsTheBundledCopyAndSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CommandRun r = run("models", "pull", "qfc-embed-small", "--hf-endpoint", "http://127.0.0.1:" + port, "--model-dir", dir());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cannot be reached").contains("bundled copy").contains("installed in");
        assertThat(states()).containsEntry("qfc-embed-small@v1.0", "installed");
    }

    @Test
    void pullFromALoopbackHubPrintsProgressLines() throws Exception {
        byte[] onnx = new byte[2_000_000];
        new Random(7).nextBytes(onnx);
        HttpServer hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        hub.createContext("/sentence-transformers/all-MiniLM-L12-v2/resolve/main/", ex -> {
            byte[] body = ex.getRequestURI().getPath().endsWith("model.onnx") ? onnx : "{}".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        hub.start();
        try {
            CommandRun r = run("models", "pull", "qfc-embed-medium", "--hf-endpoint",
                    "http://127.0.0.1:" + hub.getAddress().getPort(), "--model-dir", dir());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("model.onnx").contains("100%").contains("2.0 MB / 2.0 MB")
                    .contains("qfc-embed-medium@v1.0 installed in").doesNotContain("\r");
            assertThat(Files.readAllBytes(tmp.resolve("models/qfc-embed-medium/v1.0/model.onnx"))).isEqualTo(onnx);
        } finally {
            hub.stop(0);
        }
    }

    @Test
    void errorsAreOneLine() {
        CommandRun r = run("models", "pull", "qfc-embed-huge", "--model-dir", dir());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("error: unknown model 'qfc-embed-huge'").doesNotContain("Exception");
        CommandRun i = run("models", "import", "qfc-embed-small", "--from", tmp.resolve("nope").toString(), "--model-dir", dir());
        assertThat(i.code()).isEqualTo(1);
        assertThat(i.err()).contains("nothing to import");
    }
}
