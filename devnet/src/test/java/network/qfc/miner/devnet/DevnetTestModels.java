package network.qfc.miner.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.devnet.verify.EngineSpotCheckVerifier;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;

/**
 * The real qfc-embed-small for devnet tests: the langchain4j jar's {@code /all-minilm-l6-v2.onnx} and tokenizer,
 * installed once by the model cache's {@link OfflineSeed} in {@code target/test-models/qfc-embed-small/v1.0}.
 */
final class DevnetTestModels {
    static final ModelId EMBED_SMALL = new ModelId("qfc-embed-small", "v1.0");

    private DevnetTestModels() {
    }

    static synchronized Path embedSmall() {
        try {
            return OfflineSeed.seededDir(Path.of("target", "test-models"),
                    new ModelRef(EMBED_SMALL.name(), EMBED_SMALL.version()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EngineConfig cpu() {
        return new EngineConfig(BackendPreference.CPU, 1, Path.of("target", "native-cache").toAbsolutePath(),
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB);
    }

    /** The devnet's real re-execution: the project's engine on the real model. */
    static EngineSpotCheckVerifier verifier() {
        return new EngineSpotCheckVerifier(cpu(), Map.of(EMBED_SMALL, embedSmall()));
    }
}
