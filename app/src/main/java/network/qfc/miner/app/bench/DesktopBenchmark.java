package network.qfc.miner.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EmbeddingModel;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.InferenceWorkers;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The Hardware page's "Run benchmark": {@link EngineBench} on qfc-embed-small from the model cache, with the
 * comparison against plain ONNX Runtime (default options, one caller), on the CPU with the miner's worker count. It
 * loads its own copy of the model for the run (about 90 MB while it runs) and frees it after.
 */
public final class DesktopBenchmark {
    static final ModelId MODEL = new ModelId("qfc-embed-small", BenchCommand.DEFAULT_VERSION);

    /** What the page shows. */
    public record Outcome(double sentencesPerSecond, double p50Ms, int workers, double plainPerSecond, double ratio) {
        public String summary() {
            return String.format(Locale.ROOT, "%.1f sentences/s, p50 %.1f ms (%d worker%s); %.2fx plain ONNX Runtime"
                            + " with default options (%.1f sentences/s)", sentencesPerSecond, p50Ms, workers,
                    workers == 1 ? "" : "s", ratio, plainPerSecond);
        }
    }

    private final Path modelRoot;
    private final Path nativeCache;
    private final int seconds;

    /** @param modelRoot the model cache's root (holding {@code qfc-embed-small/v1.0}) */
    public DesktopBenchmark(Path modelRoot, Path nativeCache, int seconds) {
        this.modelRoot = modelRoot;
        this.nativeCache = nativeCache;
        this.seconds = seconds;
    }

    /**
     * Runs it; {@code progress} hears the fraction done and what runs. A missing model is an
     * {@link IllegalStateException} saying what to do.
     */
    public Outcome run(EngineBench.Progress progress) throws Exception {
        Path dir = modelRoot.resolve(MODEL.name()).resolve(MODEL.version());
        if (!Files.isRegularFile(dir.resolve(EmbeddingModel.MODEL_FILE))
                || !Files.isRegularFile(dir.resolve(EmbeddingModel.TOKENIZER_FILE))) {
            throw new IllegalStateException(MODEL.name() + " is not downloaded yet: download it on the Models page, "
                    + "then run the benchmark");
        }
        int workers = InferenceWorkers.defaultCount();
        progress.update(0, "loading " + MODEL.name());
        try (InferenceEngine engine = new InferenceEngine(new EngineConfig(BackendPreference.CPU, 1, nativeCache,
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB))) {
            EngineBench.Result r = new EngineBench(engine, MODEL, dir, BenchCorpus.builtIn().sentences(), workers,
                    nativeCache).run(seconds, true, progress);
            return new Outcome(r.engine().perSecond(), r.engine().p50Ms(), workers, r.plainDefault().perSecond(),
                    r.ratioToDefault());
        }
    }
}
