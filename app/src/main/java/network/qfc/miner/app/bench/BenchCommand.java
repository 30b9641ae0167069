package network.qfc.miner.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EmbeddingModel;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.inference.HardwareBenchmark;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.ModelPool;
import network.qfc.miner.core.inference.PhysicalCores;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.app.BundledModel;
import network.qfc.miner.models.ModelCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: single-sequence embeddings over a fixed corpus on the engine's workers after a warm-up pass; prints
 * latency percentiles, throughput, backend, workers, model load time, time to the first embedding, the tokenizers'
 * speed and peak RSS. {@code --compare-raw} also runs plain ONNX Runtime (default options, one caller; and tuned) on
 * the same pre-tokenized inputs, alternated with the engine ({@link EngineBench}), and prints the throughput ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure embedding speed on this computer with a real model.")
public final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_VERSION = "v1.0";

    @Option(names = "--model", description = "Model to run (default: ${DEFAULT-VALUE}).", defaultValue = "qfc-embed-small")
    String model;

    @Option(names = "--model-dir", description = "Folder holding model.onnx and tokenizer.json, or a model cache "
            + "holding <model>/" + DEFAULT_VERSION + " (default: $QFC_MODEL_DIR or ~/.cache/qfc-models).")
    Path modelDir;

    @Option(names = "--seconds", description = "How long to measure (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int seconds;

    @Option(names = "--workers", description = "Inference workers sharing the model (default: physical cores).")
    Integer workers;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads of each worker (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int threads;

    @Option(names = "--backend", description = "auto, cuda, metal or cpu (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    String backend;

    @Option(names = "--input", description = "A UTF-8 file, one sentence per line, used as is (default: 200 built-in sentences).")
    Path input;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--compare-raw", description = "Also run plain ONNX Runtime on the same pre-tokenized inputs, "
            + "alternated with the engine: with ORT's default options and one caller (the ratio), and tuned.")
    boolean compareRaw;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1");
        }
        int intraOp = threads;
        if (intraOp < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        int workerCount = workers == null ? PhysicalCores.count() : workers;
        if (workerCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1");
        }
        BackendPreference preference = BackendPreference.parse(backend);
        ModelId id = new ModelId(model, DEFAULT_VERSION);
        Path dir = modelDir != null ? inCache(modelDir, model)
                : model.equals(BundledModel.EMBED_SMALL.name()) ? BundledModel.ensure(ModelCache.defaultRoot(),
                        spec.commandLine().getErr())
                : defaultModelDir(model);
        requireModel(id, dir);
        BenchCorpus corpus = input != null ? BenchCorpus.fromFile(input) : BenchCorpus.builtIn();
        List<byte[]> inputs = corpus.sentences().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        EngineConfig config = new EngineConfig(preference, intraOp, AppDirectories.forThisProcess().nativeCache(),
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB);

        long loadStart = System.nanoTime();
        try (InferenceEngine engine = new InferenceEngine(config)) {
            engine.preload(id, dir);
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            EmbeddingResult first = engine.embed(id, dir, inputs.get(0));
            long firstSinceStartMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            int limit;
            try (ModelPool.Lease lease = engine.pool().acquire(id, dir)) {
                limit = lease.model().tokenizer().settings().truncationMaxLength();
            }
            int truncated = 0;
            for (byte[] in : inputs) {
                truncated += engine.embed(id, dir, in).tokens() >= limit ? 1 : 0;
            }
            EngineBench.Result r = new EngineBench(engine, id, dir, corpus.sentences(), workerCount,
                    AppDirectories.forThisProcess().nativeCache()).run(seconds, compareRaw, (f, what) -> { });
            TokenizerSpeed.Result tok = TokenizerSpeed.measure(dir.resolve(EmbeddingModel.TOKENIZER_FILE),
                    corpus.sentences());
            HardwareBenchmark.Result score = new HardwareBenchmark(engine, id, dir).run(java.time.Duration.ofSeconds(2));

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", id.toString());
            out.put("modelDir", dir.toString());
            out.put("corpus", corpus.source());
            out.put("sentences", inputs.size());
            out.put("meanTokens", round((double) r.tokens() / inputs.size()));
            out.put("truncatedAt" + limit, truncated);
            out.put("backend", engine.backend().actual().wireName());
            engine.backend().fallbackReason().ifPresent(reason -> out.put("fallbackReason", reason));
            out.put("workers", workerCount);
            out.put("intraOpThreadsPerWorker", intraOp);
            out.put("dimension", first.dimension());
            out.put("modelLoadMs", round(loadMs));
            out.put("firstEmbeddingSinceJvmStartMs", firstSinceStartMs);
            out.put("engine", summary(r.engine()));
            if (compareRaw) {
                out.put("rawDefault", summary(r.plainDefault()));
                out.put("rawTuned", summary(r.plainTuned()));
                out.put("directPath", summary(r.direct()));
                out.put("engineToRawDefaultThroughput", round(r.ratioToDefault()));
                out.put("engineToRawTunedThroughput", round(r.ratioToTuned()));
                out.put("engineToDirectPathThroughput", round(r.ratioToDirect()));
                out.put("rawOutputIdentical", r.outputsIdentical());
            }
            out.put("tokenizer", tok.summary());
            out.put("measuredTflops", round(score.flopsPerSecond() / 1e12));
            out.put("benchmarkScore", score.score());
            PeakRss.megabytes().ifPresent(mb -> out.put("peakRssMb", mb));
            print(out);
        }
        return 0;
    }

    private static Map<String, Object> summary(EngineBench.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", s.description());
        m.put("sentencesPerSecond", round(s.perSecond()));
        m.put("p50Ms", round(s.latency().p50()));
        m.put("p90Ms", round(s.latency().p90()));
        m.put("p99Ms", round(s.latency().p99()));
        m.put("embeddings", s.sentences());
        return m;
    }

    private void print(Map<String, Object> out) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            for (Map.Entry<String, Object> e : out.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    w.printf("%-30s %s%n", e.getKey() + ":", m.toString().replace("{", "").replace("}", ""));
                } else {
                    w.printf("%-30s %s%n", e.getKey() + ":", e.getValue());
                }
            }
        }
        w.flush();
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** The model cache's root ({@code $QFC_MODEL_DIR} or {@code ~/.cache/qfc-models}) / model / v1.0. */
    static Path defaultModelDir(String model) {
        return ModelCache.defaultRoot().resolve(model).resolve(DEFAULT_VERSION);
    }

    /**
     * {@code dir} itself when it holds a model; else the model's folder in {@code dir} taken as a model cache (the
     * folder {@code mine --model-dir} takes), so both spellings work.
     */
    static Path inCache(Path dir, String model) {
        if (Files.isRegularFile(dir.resolve(EmbeddingModel.MODEL_FILE))) {
            return dir;
        }
        Path inside = dir.resolve(model).resolve(DEFAULT_VERSION);
        return Files.isRegularFile(inside.resolve(EmbeddingModel.MODEL_FILE)) ? inside : dir;
    }

    private static void requireModel(ModelId id, Path dir) {
        if (!Files.isRegularFile(dir.resolve(EmbeddingModel.MODEL_FILE))
                || !Files.isRegularFile(dir.resolve(EmbeddingModel.TOKENIZER_FILE))) {
            throw new IllegalArgumentException("model " + id + " is not in " + dir
                    + " (model.onnx + tokenizer.json): run `qfc-desktop-miner models pull " + id.name()
                    + "` first, or point --model-dir at a folder holding it");
        }
    }
}
