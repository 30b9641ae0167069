package network.qfc.miner.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import network.qfc.miner.core.inference.TokenizedInput;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.app.BundledModel;
import network.qfc.miner.models.ModelCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: single-sequence embeddings over a fixed corpus after a warm-up pass; prints latency percentiles,
 * throughput, backend, threads, model load time, time to the first embedding and peak RSS. {@code --compare-raw}
 * also runs plain ONNX Runtime on the same pre-tokenized inputs, input by input in alternating order, and prints
 * the throughput ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure embedding speed on this computer with a real model.")
public final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_VERSION = "v1.0";

    @Option(names = "--model", description = "Model to run (default: ${DEFAULT-VALUE}).", defaultValue = "qfc-embed-small")
    String model;

    @Option(names = "--model-dir", description = "Folder holding model.onnx and tokenizer.json "
            + "(default: $QFC_MODEL_DIR or ~/.cache/qfc-models, then <model>/" + DEFAULT_VERSION + ").")
    Path modelDir;

    @Option(names = "--seconds", description = "How long to measure (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int seconds;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: physical cores).")
    Integer threads;

    @Option(names = "--backend", description = "auto, cuda, metal or cpu (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    String backend;

    @Option(names = "--input", description = "A UTF-8 file, one sentence per line, used as is (default: 200 built-in sentences).")
    Path input;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--compare-raw", description = "Also run plain ONNX Runtime on the same pre-tokenized inputs and print the ratio.")
    boolean compareRaw;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1");
        }
        int intraOp = threads == null ? PhysicalCores.count() : threads;
        if (intraOp < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        BackendPreference preference = BackendPreference.parse(backend);
        ModelId id = new ModelId(model, DEFAULT_VERSION);
        Path dir = modelDir != null ? modelDir
                : model.equals(BundledModel.EMBED_SMALL.name()) ? BundledModel.ensure(
                        ModelCache.resolveRoot(null, System.getenv(), System.getProperty("user.home")),
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

            // warm-up pass: every input once (also the token statistics)
            long tokens = 0;
            int truncated = 0;
            int limit;
            List<float[]> engineVectors = new ArrayList<>();
            List<TokenizedInput> pretokenized = new ArrayList<>();
            try (ModelPool.Lease lease = engine.pool().acquire(id, dir)) {
                limit = lease.model().tokenizer().settings().truncationMaxLength();
                for (String s : corpus.sentences()) {
                    pretokenized.add(lease.model().tokenizer().encode(s));
                }
            }
            for (byte[] in : inputs) {
                EmbeddingResult r = engine.embed(id, dir, in);
                tokens += r.tokens();
                truncated += r.tokens() >= limit ? 1 : 0;
                engineVectors.add(r.vector());
            }

            RawOrtBaseline raw = null;
            Boolean rawIdentical = null;
            if (compareRaw) {
                raw = new RawOrtBaseline(dir.resolve(EmbeddingModel.MODEL_FILE), intraOp);
                boolean same = true;
                for (int i = 0; i < pretokenized.size(); i++) {
                    same &= Arrays.equals(raw.embed(pretokenized.get(i)), engineVectors.get(i));
                }
                rawIdentical = same;
            }

            // with --compare-raw each input runs through the engine and then raw ONNX Runtime, one after the other,
            // so both see the same machine load; throughput is then inputs / summed call time for each side
            Run engineRun = new Run();
            Run rawRun = new Run();
            long budget = seconds * 1_000_000_000L;
            int pass = 0;
            do {
                pass++;
                long passStart = System.nanoTime();
                for (int i = 0; i < inputs.size(); i++) {
                    // alternate which side goes first, so neither profits from the other's warm caches
                    boolean rawFirst = raw != null && (i + pass) % 2 == 1;
                    long rawNanos = rawFirst ? timeRaw(raw, pretokenized.get(i)) : 0;
                    long t = System.nanoTime();
                    engine.embed(id, dir, inputs.get(i));
                    long engineNanos = System.nanoTime() - t;
                    engineRun.add(engineNanos);
                    if (raw != null) {
                        if (!rawFirst) {
                            rawNanos = timeRaw(raw, pretokenized.get(i));
                        }
                        rawRun.add(rawNanos);
                        rawRun.wall += rawNanos;
                        engineRun.wall += engineNanos;
                    }
                }
                if (raw == null) {
                    engineRun.wall += System.nanoTime() - passStart;
                }
            } while (engineRun.wall < budget);
            if (raw != null) {
                raw.close();
            }

            HardwareBenchmark.Result score = new HardwareBenchmark(engine, id, dir).run(java.time.Duration.ofSeconds(2));

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", id.toString());
            out.put("modelDir", dir.toString());
            out.put("corpus", corpus.source());
            out.put("sentences", inputs.size());
            out.put("meanTokens", round((double) tokens / inputs.size()));
            out.put("truncatedAt" + limit, truncated);
            out.put("backend", engine.backend().actual().wireName());
            engine.backend().fallbackReason().ifPresent(r -> out.put("fallbackReason", r));
            out.put("threads", intraOp);
            out.put("dimension", first.dimension());
            out.put("modelLoadMs", round(loadMs));
            out.put("firstEmbeddingSinceJvmStartMs", firstSinceStartMs);
            out.put("engine", engineRun.summary());
            if (raw != null) {
                out.put("raw", rawRun.summary());
                out.put("engineToRawThroughput", round(engineRun.perSecond() / rawRun.perSecond()));
                out.put("rawOutputIdentical", rawIdentical);
            }
            out.put("measuredTflops", round(score.flopsPerSecond() / 1e12));
            out.put("benchmarkScore", score.score());
            PeakRss.megabytes().ifPresent(mb -> out.put("peakRssMb", mb));
            print(out);
        }
        return 0;
    }

    private static long timeRaw(RawOrtBaseline raw, TokenizedInput in) throws ai.onnxruntime.OrtException {
        long t = System.nanoTime();
        raw.embed(in);
        return System.nanoTime() - t;
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

    /** Latencies and wall time of one side of the run. */
    private static final class Run {
        long[] nanos = new long[4096];
        int count;
        long wall;

        void add(long n) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = n;
        }

        double perSecond() {
            return count / (wall / 1e9);
        }

        Map<String, Object> summary() {
            LatencyStats s = LatencyStats.of(nanos, count);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sentencesPerSecond", round(perSecond()));
            m.put("p50Ms", round(s.p50()));
            m.put("p90Ms", round(s.p90()));
            m.put("p99Ms", round(s.p99()));
            m.put("embeddings", count);
            return m;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** {@code $QFC_MODEL_DIR} (or {@code ~/.cache/qfc-models}) / model / v1.0. */
    static Path defaultModelDir(String model) {
        String env = System.getenv("QFC_MODEL_DIR");
        Path root = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "qfc-models");
        return root.resolve(model).resolve(DEFAULT_VERSION);
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
