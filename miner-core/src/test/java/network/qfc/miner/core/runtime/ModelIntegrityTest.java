package network.qfc.miner.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real qfc-embed-small, seeded from its bundled jar into a temporary cache, then damaged on disk. */
class ModelIntegrityTest {
    private static final ModelRef SMALL = new ModelRef("qfc-embed-small", "v1.0");

    private static ModelCache cache(Path root) {
        return new ModelCache(root, ModelRegistry.bundled(),
                new ModelDownloader(ModelDownloader.Settings.defaults().withEndpoint("http://127.0.0.1:9")),
                OfflineSeed.fromClassPath());
    }

    private static void flipAByte(Path file, long fromEnd) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() - fromEnd;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }

    @Test
    void anIntactModelIsUsedAsIs(@TempDir Path root) throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (ModelCache cache = cache(root)) {
            cache.seedFromBundle(SMALL);
            long modified = Files.getLastModifiedTime(cache.modelDir(SMALL).resolve("model.onnx")).toMillis();
            assertThat(new ModelIntegrity(cache, notices::add).verified(SMALL)).contains(cache.modelDir(SMALL));
            assertThat(notices).isEmpty();
            assertThat(Files.getLastModifiedTime(cache.modelDir(SMALL).resolve("model.onnx")).toMillis())
                    .as("not rewritten").isEqualTo(modified);
        }
    }

    @Test
    void aFlippedByteIsFoundByItsHashAndTheModelIsRestoredFromTheBundle(@TempDir Path root) throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (ModelCache cache = cache(root)) {
            cache.seedFromBundle(SMALL);
            Path onnx = cache.modelDir(SMALL).resolve("model.onnx");
            flipAByte(onnx, 4096);
            assertThat(cache.state(SMALL)).as("same size: the cache alone still calls it installed")
                    .isEqualTo(InstallState.INSTALLED);
            assertThat(cache.verify(SMALL).ok()).isFalse();

            assertThat(new ModelIntegrity(cache, notices::add).verified(SMALL)).contains(cache.modelDir(SMALL));

            assertThat(cache.verify(SMALL).ok()).as("restored bit for bit").isTrue();
            assertThat(notices).singleElement().asString().contains("qfc-embed-small@v1.0").contains("model.onnx")
                    .contains("damaged").contains("restored");
        }
    }
}
