package network.qfc.miner.app.bench;

import ai.onnxruntime.OrtException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import network.qfc.miner.core.inference.CanonicalPooling;
import network.qfc.miner.core.inference.CanonicalTokenizer;
import network.qfc.miner.core.inference.EmbeddingModel;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.InferenceWorkers;
import network.qfc.miner.core.inference.ModelPool;
import network.qfc.miner.core.inference.TokenizedInput;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The measurement behind {@code bench} and the Hardware page's "Run benchmark": the engine as the miner runs it
 * (N workers on one model, tokenizer, canonical pooling, BLAKE3) and, with the comparison, plain ONNX Runtime with its
 * default options and one caller, plus the tuned plain ONNX Runtime (the engine's options, N callers), all on the same
 * sentences in the same run: one-second blocks, the sides taking turns in a rotating order, so that each sees the same
 * machine load. Throughput is a side's sentences over the summed wall time of its blocks.
 */
public final class EngineBench {
    private static final long BLOCK_NANOS = 1_000_000_000L;

    /** Told the fraction done and what runs now. */
    @FunctionalInterface
    public interface Progress {
        void update(double fraction, String what);
    }

    /** One side's figures. */
    public record Side(String description, long sentences, double wallSeconds, LatencyStats latency) {
        public double perSecond() {
            return wallSeconds > 0 ? sentences / wallSeconds : 0;
        }

        public double p50Ms() {
            return latency.p50();
        }
    }

    /**
     * The engine's side, and the plain ONNX Runtime sides when compared (else null): default options and one caller on
     * pre-tokenized inputs (what a hand-written program gets), the engine's options on pre-tokenized inputs (the
     * session alone), and the direct path (the engine's whole pipeline with ONNX Runtime called directly, not through
     * DJL, driven like the engine: the like-for-like measure of what DJL costs).
     */
    public record Result(Side engine, Side plainDefault, Side plainTuned, Side direct, Boolean outputsIdentical,
                         long tokens) {
        /** Engine over plain ONNX Runtime with default options; NaN without the comparison. */
        public double ratioToDefault() {
            return plainDefault == null ? Double.NaN : engine.perSecond() / plainDefault.perSecond();
        }

        public double ratioToTuned() {
            return plainTuned == null ? Double.NaN : engine.perSecond() / plainTuned.perSecond();
        }

        /** Engine (DJL) over the same pipeline calling ONNX Runtime directly; NaN without the comparison. */
        public double ratioToDirect() {
            return direct == null ? Double.NaN : engine.perSecond() / direct.perSecond();
        }
    }

    private final InferenceEngine engine;
    private final ModelId id;
    private final Path dir;
    private final List<String> sentences;
    private final int workers;
    private final Path nativeCache;

    public EngineBench(InferenceEngine engine, ModelId id, Path dir, List<String> sentences, int workers, Path nativeCache) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.id = Objects.requireNonNull(id, "id");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.sentences = List.copyOf(sentences);
        this.workers = workers;
        this.nativeCache = nativeCache;
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one sentence");
        }
    }

    /** Measures for about {@code seconds} per side; {@code compare} adds the plain ONNX Runtime sides. */
    public Result run(int seconds, boolean compare, Progress progress) throws OrtException {
        List<byte[]> inputs = sentences.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<TokenizedInput> tokenized = new ArrayList<>();
        CanonicalTokenizer tokenizer; // the engine's pool keeps the model (and its tokenizer) loaded
        try (ModelPool.Lease lease = engine.pool().acquire(id, dir)) {
            tokenizer = lease.model().tokenizer();
            for (String s : sentences) {
                tokenized.add(tokenizer.encode(s));
            }
        }
        long tokens = tokenized.stream().mapToLong(TokenizedInput::tokens).sum();
        progress.update(0, "warming up");
        List<float[]> engineVectors = new ArrayList<>();
        for (byte[] in : inputs) {
            engineVectors.add(engine.embed(id, dir, in).vector());
        }
        Path modelFile = dir.resolve(EmbeddingModel.MODEL_FILE);
        try (InferenceWorkers pool = new InferenceWorkers(workers);
             RawOrtBaseline plain = compare ? RawOrtBaseline.defaults(modelFile, nativeCache) : null;
             RawOrtBaseline tuned = compare ? RawOrtBaseline.tuned(modelFile, nativeCache, 1, workers) : null) {
            Boolean identical = null;
            if (compare) {
                boolean same = true;
                for (int i = 0; i < tokenized.size(); i++) {
                    same &= Arrays.equals(plain.embed(tokenized.get(i)), engineVectors.get(i))
                            && Arrays.equals(tuned.embed(tokenized.get(i)), engineVectors.get(i))
                            && Arrays.equals(direct(tuned, tokenizer, inputs.get(i)),
                                    Blake3.hash(CanonicalPooling.littleEndianBytes(engineVectors.get(i))));
                }
                identical = same;
            }
            Recorder e = new Recorder("this engine: " + workers + " worker(s) on one model (DJL, 1 intra-op thread each)");
            Recorder d = compare ? new Recorder(plain.description()) : null;
            Recorder t = compare ? new Recorder(tuned.description()) : null;
            Recorder x = compare ? new Recorder("direct ONNX Runtime path: the engine's pipeline (tokenizer, "
                    + "pooling, Blake3) on the tuned session, no DJL, " + workers + " worker(s) fed as the engine is")
                    : null;
            List<Runnable> sides = new ArrayList<>();
            sides.add(() -> fedBlock(pool, inputs, e, in -> engine.embed(id, dir, in)));
            if (compare) {
                sides.add(() -> rawBlock(plain, tokenized, 1, pool, d));
                sides.add(() -> rawBlock(tuned, tokenized, workers, pool, t));
                sides.add(() -> fedBlock(pool, inputs, x, in -> direct(tuned, tokenizer, in)));
            }
            int rounds = Math.max(1, seconds);
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < sides.size(); k++) {
                    sides.get((round + k) % sides.size()).run();
                }
                progress.update((round + 1.0) / rounds, "measuring (" + (round + 1) + " of " + rounds + " s)");
            }
            return new Result(e.side(), compare ? d.side() : null, compare ? t.side() : null,
                    compare ? x.side() : null, identical, tokens);
        }
    }

    /**
     * The engine's steps with ONNX Runtime called directly: strict UTF-8 (the engine's own decode), tokenize, run, pool,
     * canonical bytes, Blake3.
     */
    private static byte[] direct(RawOrtBaseline session, CanonicalTokenizer tokenizer, byte[] input) {
        try {
            float[] v = session.embed(tokenizer.encode(InferenceEngine.decode(input)));
            return Blake3.hash(CanonicalPooling.littleEndianBytes(v));
        } catch (OrtException ex) {
            throw new IllegalStateException("plain ONNX Runtime failed: " + ex.getMessage(), ex);
        }
    }

    /** One block of jobs fed as the task loop feeds the engine: kept two per worker ahead, each timed on its worker. */
    private void fedBlock(InferenceWorkers pool, List<byte[]> inputs, Recorder r, Function<byte[], ?> job) {
        AtomicInteger next = new AtomicInteger(r.cursor);
        long start = System.nanoTime();
        long end = start + BLOCK_NANOS;
        List<CompletableFuture<Long>> inFlight = new ArrayList<>();
        while (System.nanoTime() < end) {
            while (inFlight.size() < workers * 2) {
                byte[] in = inputs.get(next.getAndIncrement() % inputs.size());
                inFlight.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    job.apply(in);
                    return System.nanoTime() - t;
                }));
            }
            r.add(inFlight.remove(0).join());
        }
        inFlight.forEach(f -> r.add(f.join()));
        r.wall += System.nanoTime() - start;
        r.cursor = next.get();
    }

    /** One block of plain ONNX Runtime with {@code callers} threads (the pool's) sharing its session. */
    private static void rawBlock(RawOrtBaseline raw, List<TokenizedInput> inputs, int callers, InferenceWorkers pool,
                                 Recorder r) {
        AtomicInteger next = new AtomicInteger(r.cursor);
        long start = System.nanoTime();
        long end = start + BLOCK_NANOS;
        List<CompletableFuture<long[]>> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            threads.add(pool.submit(() -> {
                long[] times = new long[4096];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    long t = System.nanoTime();
                    try {
                        raw.embed(inputs.get(next.getAndIncrement() % inputs.size()));
                    } catch (OrtException ex) {
                        throw new IllegalStateException("plain ONNX Runtime failed: " + ex.getMessage(), ex);
                    }
                    times[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(times, n);
            }));
        }
        for (CompletableFuture<long[]> f : threads) {
            for (long n : f.join()) {
                r.add(n);
            }
        }
        r.wall += System.nanoTime() - start;
        r.cursor = next.get();
    }

    /** Latencies and summed wall time of one side. */
    private static final class Recorder {
        private final String description;
        long[] nanos = new long[4096];
        int count;
        long wall;
        int cursor;

        Recorder(String description) {
            this.description = description;
        }

        void add(long n) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = n;
        }

        Side side() {
            return new Side(description, count, wall / 1e9, LatencyStats.of(nanos, count));
        }
    }
}
