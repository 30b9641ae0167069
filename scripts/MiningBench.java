import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.app.bench.EngineBench;
import network.qfc.miner.core.inference.PhysicalCores;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.tasks.TaskCorpus;

/**
 * Mining throughput against the engine's own: a devnet in this process (challenges off, the node's 5 % spot checks),
 * the real miner for S seconds, with the engine's benchmark ({@code EngineBench}, as {@code bench} runs it) for 10 s
 * before and 10 s after, with the same number of inference workers (THREADS; 0 = one per physical core, as the
 * miner's default), and the ratio of accepted proofs/s to the benchmark's mean.
 * With a fourth argument, the node at that URL (e.g. a devnet in another process: {@code qfc-desktop-miner devnet
 * --open --challenge-rate 0 --model-dir ...}) instead of one in this process.
 * Run with scripts/mining-bench.sh MODEL_CACHE [THREADS] [SECONDS] [RPC_URL].
 */
public class MiningBench {
    public static void main(String[] a) throws Exception {
        Path models = Path.of(a[0]);
        int threads = a.length > 1 ? Integer.parseInt(a[1]) : 0;
        long seconds = a.length > 2 ? Long.parseLong(a[2]) : 30;
        Path modelDir = models.resolve("qfc-embed-small").resolve("v1.0");
        Path data = Files.createDirectories(Path.of("target", "mining-bench", String.valueOf(System.nanoTime())));
        AppDirectories dirs = new AppDirectories(data.resolve("config"), data, data.resolve("logs"));
        String external = a.length > 3 ? a[3] : null;
        // the engine's benchmark 10 s before and 10 s after mining: a load change on this shared machine hits both
        double before = engineBench(modelDir, data, threads);
        double[] minedPerSecond = new double[1];
        DevnetNode node = external != null ? null : DevnetNode.start(DevnetConfig.defaults().withPort(0).withOpenMode(true)
                .withModelDir(modelDir).withChallengeRate(OptionalDouble.of(0.0)));
        try {
            String url = external != null ? external : node.url().toString();
            MinerSettings s = MinerSettings.defaults(url, KeySource.devnet(data), models, dirs, "bench")
                    .withBackend(BackendPreference.CPU).withThreads(threads)
                    .withLimits(0, Duration.ofSeconds(seconds));
            MinerRuntime miner = new MinerRuntime(s);
            List<MinerEvent.ProofResult> results = new CopyOnWriteArrayList<>();
            AtomicLong inferenceMs = new AtomicLong();
            miner.events().subscribe("bench", 1_000_000, e -> {
                if (e instanceof MinerEvent.ProofResult p) {
                    results.add(p);
                    inferenceMs.addAndGet(p.executionTimeMs());
                }
            });
            long started = System.currentTimeMillis();
            miner.start().join();
            miner.stopped().get();
            long accepted = results.stream().filter(MinerEvent.ProofResult::accepted).count();
            double wall = (results.get(results.size() - 1).at().toEpochMilli() - results.get(0).at().toEpochMilli()) / 1000.0;
            minedPerSecond[0] = (accepted - 1) / wall;
            System.out.printf("miner (%s): %d proofs, %d accepted, %.1f accepted/s over %.1f s; first proof %.2f s after"
                    + " start(); mean inference %.1f ms a task (on %s worker threads at once)%n", external != null ? "node in another process"
                    : "devnet in this process", results.size(), accepted, (accepted - 1) / wall, wall,
                    (results.get(0).at().toEpochMilli() - started) / 1000.0, inferenceMs.get() / (double) results.size(),
                    threads > 0 ? threads : "one per core");
        } finally {
            if (node != null) {
                node.close();
            }
        }
        double after = engineBench(modelDir, data, threads);
        System.out.printf("engine benchmark: %.1f inferences/s before mining, %.1f after, mean %.1f; accepted/s : mean"
                + " = %.2f%n", before, after, (before + after) / 2, minedPerSecond[0] / ((before + after) / 2));
    }

    /** The engine's benchmark as {@code bench} runs it (N workers on one model), 10 s on the devnet's own texts. */
    static double engineBench(Path modelDir, Path data, int threads) throws Exception {
        int workers = threads > 0 ? threads : PhysicalCores.count();
        try (InferenceEngine engine = new InferenceEngine(new EngineConfig(BackendPreference.CPU, 1,
                data.resolve("native"), EngineConfig.DEFAULT_MEMORY_BUDGET_MB))) {
            return new EngineBench(engine, new ModelId("qfc-embed-small", "v1.0"), modelDir,
                    TaskCorpus.builtIn().sentences(), workers, data.resolve("native")).run(10, false, (f, w) -> { })
                    .engine().perSecond();
        }
    }
}
