import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EmbeddingModel;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.ModelPool;
import network.qfc.miner.core.inference.TokenizedInput;
import network.qfc.miner.core.protocol.ModelId;

/**
 * What DJL itself costs (issue 16): the engine's DJL {@code Predictor} ({@link EmbeddingModel#embed}, translator and
 * pooling included) against ONNX Runtime's {@code OrtSession.run} on a session with the engine's options (ALL,
 * sequential, 1 intra-op thread), both on the same pre-tokenized built-in corpus, THREADS callers each, alternated in
 * rounds of 6 s; then the engine's whole {@code embed} (strict UTF-8, tokenizer, pool lease, BLAKE3) beside them.
 * Not a test: run it on a quiet machine and read the numbers. Run with scripts/djl-vs-ort.sh [MODEL_DIR] [THREADS].
 */
public class DjlVsOrt {
    interface Call {
        void run(int i) throws Exception;
    }

    static double sink;

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int threads = a.length > 1 ? Integer.parseInt(a[1]) : 2;
        List<String> sentences = Files.readAllLines(Path.of(a.length > 2 ? a[2]
                : "app/src/main/resources/network/qfc/miner/app/bench/corpus.txt"), StandardCharsets.UTF_8);
        Path natives = Files.createDirectories(Path.of("target", "djl-vs-ort", "native"));
        try (InferenceEngine engine = new InferenceEngine(new EngineConfig(BackendPreference.CPU, 1, natives,
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB))) {
            ModelId id = new ModelId("qfc-embed-small", "v1.0");
            engine.preload(id, dir); // DJL creates the ONNX Runtime environment first
            List<TokenizedInput> tokens = new ArrayList<>();
            EmbeddingModel model;
            try (ModelPool.Lease lease = engine.pool().acquire(id, dir)) {
                model = lease.model();
                for (String s : sentences) {
                    tokens.add(model.tokenizer().encode(s));
                }
            }
            List<byte[]> bytes = sentences.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
                o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                o.setIntraOpNumThreads(1);
                o.setInterOpNumThreads(1);
                o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                try (OrtSession ort = env.createSession(dir.resolve(EmbeddingModel.MODEL_FILE).toString(), o)) {
                    System.out.printf("%d callers, %d sentences%n", threads, sentences.size());
                    for (int round = 0; round < 4; round++) {
                        System.out.printf("round %d: DJL predictor %.1f/s, OrtSession.run %.1f/s, engine.embed %.1f/s%n",
                                round + 1,
                                rate(threads, i -> model.embed(tokens.get(i % tokens.size()))),
                                rate(threads, i -> ort(ort, env, tokens.get(i % tokens.size()))),
                                rate(threads, i -> engine.embed(id, dir, bytes.get(i % bytes.size()))));
                    }
                }
            }
        }
    }

    static void ort(OrtSession s, OrtEnvironment env, TokenizedInput in) throws Exception {
        int n = in.tokens();
        long[] shape = {1, n};
        long[] mask = new long[n];
        Arrays.fill(mask, 1);
        Map<String, OnnxTensor> feed = new HashMap<>();
        feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.ids()), shape));
        feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
        feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.typeIds()), shape));
        try (OrtSession.Result r = s.run(feed)) {
            sink += ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    static double rate(int threads, Call c) throws Exception {
        long start = System.nanoTime();
        long end = start + 6_000_000_000L;
        AtomicInteger count = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        c.run(next.getAndIncrement());
                        n++;
                    }
                    count.addAndGet(n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }
}
