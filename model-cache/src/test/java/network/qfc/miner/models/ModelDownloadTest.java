package network.qfc.miner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real loopback HTTP server that imitates the Hugging Face Hub, with a small random fake model. */
class ModelDownloadTest {
    private static final String REPO = "acme/fake-minilm";
    private static final ModelRef REF = new ModelRef("fake-embed", "v1.0");

    @TempDir
    Path tmp;
    private FakeHub hub;
    private byte[] onnx;
    private byte[] tokenizer;
    private FakeHub.Served onnxServed;
    private FakeHub.Served tokenizerServed;
    private final List<DownloadEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        Random r = new Random(42);
        onnx = new byte[300_000];
        r.nextBytes(onnx);
        tokenizer = "{\"version\":\"1.0\",\"model\":{\"type\":\"WordPiece\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        onnxServed = hub.put(REPO, "main", "onnx/model.onnx", onnx);
        tokenizerServed = hub.put(REPO, "main", "tokenizer.json", tokenizer);
        tokenizerServed.lfs = false; // small git files carry no X-Linked-Etag on the real hub
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static ApprovedModel model(List<ModelFile> files) {
        return new ApprovedModel(REF, REPO, "main", false, null, files, 384, 512, 512, MinTier.COLD, MinTier.COLD, null, true);
    }

    private static List<ModelFile> standardFiles(Long onnxSize, String onnxSha) {
        return List.of(new ModelFile("onnx/model.onnx", "model.onnx", onnxSize, onnxSha, true),
                new ModelFile("tokenizer.json", "tokenizer.json", null, null, true));
    }

    private ModelDownloader.Settings settings() {
        return new ModelDownloader.Settings(hub.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(5), 3,
                Duration.ofMillis(10), ModelDownloader::usableSpace);
    }

    private ModelCache cache(ApprovedModel m, ModelDownloader.Settings s) {
        return new ModelCache(tmp.resolve("models"), new ModelRegistry(List.of(m)), new ModelDownloader(s), OfflineSeed.fromClassPath());
    }

    private ModelCache cache(ApprovedModel m) {
        return cache(m, settings());
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected the install to fail");
    }

    private static List<String> partFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    @Test
    void fullDownloadFollowsTheRedirectVerifiesAndInstalls() throws Exception {
        try (ModelCache cache = cache(model(standardFiles((long) onnx.length, FakeHub.Sha256Hex.of(onnx))))) {
            assertThat(cache.state(REF)).isEqualTo(InstallState.MISSING);
            Path dir = cache.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS);

            assertThat(dir).isEqualTo(tmp.resolve("models/fake-embed/v1.0").toAbsolutePath());
            assertThat(Files.readAllBytes(dir.resolve("model.onnx"))).isEqualTo(onnx);
            assertThat(Files.readAllBytes(dir.resolve("tokenizer.json"))).isEqualTo(tokenizer);
            assertThat(partFiles(dir)).isEmpty();
            assertThat(cache.state(REF)).isEqualTo(InstallState.INSTALLED);
            assertThat(cache.sizeOnDisk(REF)).isGreaterThanOrEqualTo(onnx.length + tokenizer.length);
            InstallManifest m = cache.manifest(REF).orElseThrow();
            assertThat(m.source()).isEqualTo("hub");
            assertThat(m.files()).extracting(InstallManifest.Entry::name, InstallManifest.Entry::size, InstallManifest.Entry::sha256)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("model.onnx", (long) onnx.length, FakeHub.Sha256Hex.of(onnx)),
                            org.assertj.core.groups.Tuple.tuple("tokenizer.json", (long) tokenizer.length, FakeHub.Sha256Hex.of(tokenizer)));
            assertThat(onnxServed.bytesServed.get()).isEqualTo(onnx.length);
            DownloadProgress last = events.stream().filter(e -> e instanceof DownloadProgress p && p.file().equals("model.onnx"))
                    .map(DownloadProgress.class::cast).reduce((a, b) -> b).orElseThrow();
            assertThat(last.bytes()).isEqualTo(onnx.length);
            assertThat(last.total()).isEqualTo(onnx.length);
            assertThat(cache.verify(REF).ok()).isTrue();

            // a second call finds it installed and fetches nothing
            int before = hub.requests.get();
            cache.ensureInstalled(REF, DownloadListener.NONE).get(60, TimeUnit.SECONDS);
            assertThat(hub.requests.get()).isEqualTo(before);
        }
    }

    @Test
    void interruptedDownloadResumesWithRangeAndFetchesNoByteTwice() throws Exception {
        onnxServed.cutAfterOnce = 100_000;
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            Path dir = cache.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS);

            assertThat(onnxServed.ranges).containsExactly("bytes=100000-");
            assertThat(onnxServed.bodyRequests.get()).isEqualTo(2);
            assertThat(onnxServed.bytesServed.get()).isEqualTo(onnx.length);
            assertThat(Files.readAllBytes(dir.resolve("model.onnx"))).isEqualTo(onnx);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DownloadNotice.class,
                    n -> assertThat(n.kind()).isEqualTo(DownloadNotice.Kind.RESUMING)));
            assertThat(cache.verify(REF).ok()).isTrue();
        }
    }

    @Test
    void corruptFileIsCaughtByTheHubHashAndDeleted() throws Exception {
        String claimed = FakeHub.Sha256Hex.of("something else".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        onnxServed.etagOverride = claimed;
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("model.onnx").hasMessageContaining(claimed)
                    .hasMessageContaining(FakeHub.Sha256Hex.of(onnx));
            Path dir = cache.modelDir(REF);
            assertThat(dir.resolve("model.onnx")).doesNotExist();
            assertThat(partFiles(dir)).isEmpty();
            assertThat(cache.state(REF)).isNotEqualTo(InstallState.INSTALLED);
        }
    }

    @Test
    void corruptFileIsCaughtByTheRegistryHash() throws Exception {
        String pinned = FakeHub.Sha256Hex.of(new byte[] {1, 2, 3});
        onnxServed.lfs = false; // no etag: only the registry can tell
        try (ModelCache cache = cache(model(standardFiles(null, pinned)))) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(ChecksumMismatchException.class).hasMessageContaining("model.onnx")
                    .hasMessageContaining(pinned).hasMessageContaining(FakeHub.Sha256Hex.of(onnx)).hasMessageContaining("registry");
            assertThat(cache.modelDir(REF).resolve("model.onnx")).doesNotExist();
            assertThat(partFiles(cache.modelDir(REF))).isEmpty();
        }
    }

    @Test
    void missingFileIsA404WithoutRetries() throws Exception {
        List<ModelFile> files = List.of(new ModelFile("onnx/model_quantized.onnx", "model.onnx", null, null, true));
        try (ModelCache cache = cache(model(files))) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(ModelDownloadException.class).hasMessageContaining("not found")
                    .hasMessageContaining("onnx/model_quantized.onnx");
            assertThat(((ModelDownloadException) t).httpStatus()).isEqualTo(404);
            assertThat(hub.requests.get()).isEqualTo(1);
            assertThat(cache.state(REF)).isNotEqualTo(InstallState.INSTALLED);
        }
    }

    @Test
    void stalledServerEndsInAClearErrorNotAHang() throws Exception {
        onnxServed.stallAfter = 10_000;
        ModelDownloader.Settings s = settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                .withRetries(2, Duration.ofMillis(10));
        try (ModelCache cache = cache(model(standardFiles(null, null)), s)) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(ModelDownloadException.class).isNotInstanceOf(HubUnreachableException.class)
                    .hasMessageContaining("stalled").hasMessageContaining("model.onnx").hasMessageContaining("300 ms")
                    .hasMessageContaining("2 attempts");
            assertThat(onnxServed.bodyRequests.get()).isEqualTo(2);
            assertThat(cache.modelDir(REF).resolve("model.onnx")).doesNotExist();
            assertThat(cache.state(REF)).isEqualTo(InstallState.PARTIAL);
        } finally {
            hub.release.countDown();
        }
    }

    @Test
    void concurrentPullsOfOneModelDownloadItOnce() throws Exception {
        hub.gate = new CountDownLatch(1);
        DownloadListener a = e -> {
            events.add(e);
            if (e instanceof DownloadNotice n && n.kind() == DownloadNotice.Kind.WAITING_FOR_LOCK) {
                hub.gate.countDown(); // the other one is now certainly waiting: let the first download go
            }
        };
        try (ModelCache first = cache(model(standardFiles(null, null)));
             ModelCache second = cache(model(standardFiles(null, null)))) {
            CompletableFuture<Path> f1 = first.ensureInstalled(REF, a);
            CompletableFuture<Path> f2 = second.ensureInstalled(REF, a);

            assertThat(f1.get(60, TimeUnit.SECONDS)).isEqualTo(f2.get(60, TimeUnit.SECONDS));
            assertThat(onnxServed.bodyRequests.get()).isEqualTo(1);
            assertThat(tokenizerServed.bodyRequests.get()).isEqualTo(1);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DownloadNotice.class,
                    n -> assertThat(n.kind()).isEqualTo(DownloadNotice.Kind.ALREADY_INSTALLED)));
            assertThat(first.state(REF)).isEqualTo(InstallState.INSTALLED);
            assertThat(second.state(REF)).isEqualTo(InstallState.INSTALLED);
            assertThat(Files.readAllBytes(first.modelDir(REF).resolve("model.onnx"))).isEqualTo(onnx);
        }
    }

    @Test
    void cancellationInstallsNothingAndKeepsThePartForResume() throws Exception {
        onnxServed.stallAfter = 120_000;
        CountDownLatch someBytes = new CountDownLatch(1);
        Path dir;
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            CompletableFuture<Path> f = cache.ensureInstalled(REF, e -> {
                if (e instanceof DownloadProgress p && p.bytes() > 0) {
                    someBytes.countDown();
                }
            });
            assertThat(someBytes.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(f.cancel(true)).isTrue();
            assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
            dir = cache.modelDir(REF);
        } // close() waits for the download thread to stop
        assertThat(dir.resolve("model.onnx")).doesNotExist();
        assertThat(dir.resolve("model.onnx.part")).exists();
        long kept = Files.size(dir.resolve("model.onnx.part"));
        assertThat(kept).isPositive().isLessThanOrEqualTo(120_000);

        onnxServed.stallAfter = -1;
        hub.release.countDown();
        try (ModelCache again = cache(model(standardFiles(null, null)))) {
            assertThat(again.state(REF)).isEqualTo(InstallState.PARTIAL);
            again.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS); // lock was released, the part resumes
            assertThat(onnxServed.ranges).containsExactly("bytes=" + kept + "-");
            assertThat(Files.readAllBytes(dir.resolve("model.onnx"))).isEqualTo(onnx);
        }
    }

    @Test
    void notEnoughDiskSpaceIsRefusedBeforeAnyRequest() throws Exception {
        ModelDownloader.Settings s = settings().withFreeSpace(p -> 1000);
        try (ModelCache cache = cache(model(standardFiles((long) onnx.length, null)), s)) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(InsufficientDiskSpaceException.class).hasMessageContaining("0.3 MB")
                    .hasMessageContaining("--model-dir");
            assertThat(hub.requests.get()).isZero();
        }
    }

    @Test
    void unknownSizeIsCheckedAgainstFreeSpaceOnceTheServerTellsIt() throws Exception {
        ModelDownloader.Settings s = settings().withFreeSpace(p -> 1000);
        try (ModelCache cache = cache(model(standardFiles(null, null)), s)) {
            Throwable t = failure(cache.ensureInstalled(REF, events::add));

            assertThat(t).isInstanceOf(InsufficientDiskSpaceException.class);
            assertThat(t.getMessage()).contains("0.3 MB").contains("only 1000 bytes");
            assertThat(cache.modelDir(REF).resolve("model.onnx")).doesNotExist();
            assertThat(partFiles(cache.modelDir(REF))).isEmpty(); // refused on the headers, before writing a byte
        }
    }

    @Test
    void serverNamesCannotPlaceFilesOutsideTheModelFolder() throws Exception {
        onnxServed.contentDisposition = "attachment; filename=\"../../../escaped.bin\"";
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            Path dir = cache.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS);
            try (Stream<Path> all = Files.walk(tmp)) {
                assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()))
                        .containsExactlyInAnyOrder("models/fake-embed/v1.0/model.onnx", "models/fake-embed/v1.0/tokenizer.json",
                                "models/fake-embed/v1.0/.qfc-model.json", "models/fake-embed/v1.0/.lock");
            }
            assertThat(dir.resolve("model.onnx")).hasBinaryContent(onnx);
        }
    }

    @Test
    void verifyCatchesAFlippedByte() throws Exception {
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            Path dir = cache.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS);
            byte[] bytes = Files.readAllBytes(dir.resolve("model.onnx"));
            bytes[123_456] ^= 0x01;
            Files.write(dir.resolve("model.onnx"), bytes);

            VerifyResult v = cache.verify(REF);
            assertThat(v.ok()).isFalse();
            assertThat(v.badFiles()).singleElement().satisfies(b -> {
                assertThat(b.name()).isEqualTo("model.onnx");
                assertThat(b.expected()).isEqualTo(FakeHub.Sha256Hex.of(onnx));
                assertThat(b.actual()).isEqualTo(FakeHub.Sha256Hex.of(bytes));
            });
        }
    }

    @Test
    void removeDeletesTheModelFolder() throws Exception {
        try (ModelCache cache = cache(model(standardFiles(null, null)))) {
            cache.ensureInstalled(REF, events::add).get(60, TimeUnit.SECONDS);
            assertThat(cache.remove(REF)).isTrue();
            assertThat(cache.state(REF)).isEqualTo(InstallState.MISSING);
            assertThat(cache.modelDir(REF)).doesNotExist();
            assertThat(cache.remove(REF)).isFalse();
        }
    }
}
