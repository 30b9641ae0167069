package network.qfc.miner.core.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;

/**
 * The real qfc-embed-small (all-MiniLM-L6-v2, fp32 ONNX + tokenizer) from the langchain4j jar on the test class
 * path, installed once by the model cache's {@link OfflineSeed} under {@code target/test-models} (checked against
 * the registry's sha256): {@code model.onnx} + {@code tokenizer.json}.
 */
public final class TestModels {
    public static final ModelId EMBED_SMALL = new ModelId("qfc-embed-small", "v1.0");

    private TestModels() {
    }

    /** The folder holding qfc-embed-small. */
    public static synchronized Path embedSmall() {
        try {
            return OfflineSeed.seededDir(Path.of("target", "test-models"),
                    new ModelRef(EMBED_SMALL.name(), EMBED_SMALL.version()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where tests unpack native libraries (not the system temp folder, not the user's home). */
    public static Path nativeCache() {
        return Path.of("target", "native-cache").toAbsolutePath();
    }

    /** A CPU engine config for tests. */
    public static EngineConfig cpu(int threads) {
        return new EngineConfig(BackendPreference.CPU, threads, nativeCache(), EngineConfig.DEFAULT_MEMORY_BUDGET_MB);
    }

    /** A fresh folder under target/ for a test's own files. */
    public static Path scratch(String name) {
        try {
            Path dir = Path.of("target", "test-scratch", name).toAbsolutePath();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
