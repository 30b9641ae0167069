package network.qfc.miner.core.inference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The {@code benchmarkScore} of {@code qfc_registerMiner}, measured with the model itself: true FLOPs of each
 * embedding (2 x parameters x tokens) over the measured time, score = min(10000, 1000 per TFLOP/s).
 */
public final class HardwareBenchmark {
    /** Sentences of everyday length (~15-60 tokens), as tasks carry. */
    static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Validators earn rewards by running approved models on the tasks the network hands out.",
            "A transformer encoder turns every token into a vector that depends on the whole sentence around it.",
            "Proof of Contribution pays for useful computation instead of hashing for its own sake, and the node"
                    + " re-executes a sample of the work to keep every miner honest about what it reports.",
            "Rain is expected in the afternoon, so bring an umbrella if you are going out.");

    private final InferenceEngine engine;
    private final ModelId model;
    private final Path modelDir;

    public HardwareBenchmark(InferenceEngine engine, ModelId model, Path modelDir) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.model = Objects.requireNonNull(model, "model");
        this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
    }

    /** The measurement: FLOPs done, time taken, FLOP/s and the score. */
    public record Result(long inferences, long flops, long nanos, double flopsPerSecond, long score) {
    }

    /** Warms up, then embeds the benchmark sentences round-robin for about {@code duration}. */
    public Result run(Duration duration) {
        byte[][] inputs = SENTENCES.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        long parameters;
        try (ModelPool.Lease lease = engine.pool().acquire(model, modelDir)) {
            parameters = lease.model().parameters();
        }
        for (byte[] in : inputs) {
            engine.embed(model, modelDir, in);
        }
        long budget = duration.toNanos();
        long flops = 0;
        long nanos = 0;
        long count = 0;
        while (nanos < budget || count < inputs.length) {
            EmbeddingResult r = engine.embed(model, modelDir, inputs[(int) (count % inputs.length)]);
            flops += FlopsEstimate.trueEstimate(parameters, r.tokens());
            nanos += r.inferenceNanos();
            count++;
        }
        double perSecond = flops / (nanos / 1e9);
        return new Result(count, flops, nanos, perSecond, score(perSecond));
    }

    /** min(10000, 1000 per TFLOP/s), rounded down. */
    public static long score(double flopsPerSecond) {
        if (!(flopsPerSecond > 0)) {
            return 0;
        }
        return Math.min(10_000L, (long) (flopsPerSecond / 1e12 * 1000.0));
    }
}
