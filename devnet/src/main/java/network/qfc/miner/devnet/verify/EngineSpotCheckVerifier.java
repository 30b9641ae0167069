package network.qfc.miner.devnet.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.protocol.ModelId;

/**
 * Spot checks with the project's own {@link InferenceEngine}: the canonical embedding computation on the real model
 * files, so a bit-exact miner on the same kind of CPU matches hash for hash.
 */
public final class EngineSpotCheckVerifier implements SpotCheckVerifier {
    private final InferenceEngine engine;
    private final Map<ModelId, Path> modelDirs;

    /**
     * @param config    the engine's configuration (the devnet uses the CPU backend: the reference computation)
     * @param modelDirs the folder ({@code model.onnx} + {@code tokenizer.json}) of each model it can re-execute
     */
    public EngineSpotCheckVerifier(EngineConfig config, Map<ModelId, Path> modelDirs) {
        for (Map.Entry<ModelId, Path> e : modelDirs.entrySet()) {
            Path dir = e.getValue();
            if (!Files.isRegularFile(dir.resolve("model.onnx")) || !Files.isRegularFile(dir.resolve("tokenizer.json"))) {
                throw new IllegalArgumentException("the model folder " + dir + " of " + e.getKey()
                        + " must hold model.onnx and tokenizer.json");
            }
        }
        this.modelDirs = Map.copyOf(modelDirs);
        this.engine = new InferenceEngine(config);
    }

    /** Loads every model now, so the first spot check is not slowed by loading. */
    public EngineSpotCheckVerifier preload() {
        modelDirs.forEach(engine::preload);
        return this;
    }

    @Override
    public boolean canRun(ModelId model) {
        return modelDirs.containsKey(model);
    }

    @Override
    public Optional<Reference> reexecute(ModelId model, byte[] input) {
        Path dir = modelDirs.get(model);
        if (dir == null) {
            return Optional.empty();
        }
        EmbeddingResult r = engine.embed(model, dir, input);
        return Optional.of(new Reference(r.vector(), r.outputHash()));
    }

    @Override
    public void close() {
        engine.close();
    }
}
