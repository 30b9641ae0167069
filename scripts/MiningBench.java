import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * the real miner for S seconds, with the engine's benchmark ({@code EngineBench}, as {@code bench} runs it, on the
 * inputs the devnet hands out: its corpus and its 10 % empty synthetic tasks) for 10 s before and 10 s after, with the same number of inference workers (THREADS; 0 = one per physical core, as the
 * miner's default), and the ratio of accepted proofs/s to the benchmark's mean. "Steady" is measured after a warm-up
 * (the first third of the run, while the JIT still compiles the mining path: HTTP, JSON, SQLite, signatures) to the
 * end; the whole run's rate is printed beside it. Over the steady window it also prints the CPU each thread group of
 * this process spent per accepted proof (the inference workers against everything else: the submitter, the fetchers,
 * an in-process devnet, the JIT), which says where mining loses against the benchmark.
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
            long warmupMs = seconds * 1000 / 3;
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            Map<String, Long>[] cpu = new Map[2];
            clock.schedule(() -> cpu[0] = threadCpu(), warmupMs, TimeUnit.MILLISECONDS);
            clock.schedule(() -> cpu[1] = threadCpu(), seconds * 1000 - 1000, TimeUnit.MILLISECONDS);
            long started = System.currentTimeMillis();
            miner.start().join();
            miner.stopped().get();
            clock.shutdownNow();
            long accepted = results.stream().filter(MinerEvent.ProofResult::accepted).count();
            double wall = (results.get(results.size() - 1).at().toEpochMilli() - results.get(0).at().toEpochMilli()) / 1000.0;
            long steadyFrom = started + warmupMs;
            long steadyTo = started + seconds * 1000 - 1000;
            long steadyAccepted = results.stream().filter(p -> p.accepted() && p.at().toEpochMilli() >= steadyFrom
                    && p.at().toEpochMilli() < steadyTo).count();
            double steadyWall = (steadyTo - steadyFrom) / 1000.0;
            minedPerSecond[0] = steadyAccepted / steadyWall;
            System.out.printf("miner (%s): %d proofs, %d accepted, %.1f accepted/s over %.1f s; steady (%.0f-%.0f s"
                    + " after start()): %.1f accepted/s; first proof %.2f s after start(); mean inference %.1f ms a"
                    + " task (on %s worker threads at once)%n", external != null ? "node in another process"
                    : "devnet in this process", results.size(), accepted, (accepted - 1) / wall, wall,
                    warmupMs / 1000.0, (steadyTo - started) / 1000.0, minedPerSecond[0],
                    (results.get(0).at().toEpochMilli() - started) / 1000.0, inferenceMs.get() / (double) results.size(),
                    threads > 0 ? threads : "one per core");
            if (cpu[0] != null && cpu[1] != null && steadyAccepted > 0) {
                StringBuilder line = new StringBuilder("CPU ms per accepted proof in the steady window:");
                cpu[1].forEach((group, ns) -> {
                    double ms = (ns - cpu[0].getOrDefault(group, 0L)) / 1e6 / steadyAccepted;
                    if (ms >= 0.05) {
                        line.append(String.format(" %s %.2f;", group, ms));
                    }
                });
                double cores = (cpu[1].values().stream().mapToLong(Long::longValue).sum()
                        - cpu[0].values().stream().mapToLong(Long::longValue).sum()) / 1e9 / steadyWall;
                line.append(String.format(" this process used %.2f of %d CPUs", cores,
                        Runtime.getRuntime().availableProcessors()));
                System.out.println(line);
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
        double after = engineBench(modelDir, data, threads);
        System.out.printf("engine benchmark: %.1f inferences/s before mining, %.1f after, mean %.1f; accepted/s : mean"
                + " = %.2f%n", before, after, (before + after) / 2, minedPerSecond[0] / ((before + after) / 2));
    }

    /**
     * CPU nanoseconds so far of this process's live threads, summed by name with the numbers dropped, and the rest of
     * the process's CPU (the JIT compilers, GC, threads that ended) as "JIT, GC and other".
     */
    static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = mx.getThreadCpuTime(t.getId());
            if (ns > 0) {
                out.merge(t.getName().replaceAll("[-#\\d]+$", ""), ns, Long::sum);
            }
        }
        long threads = out.values().stream().mapToLong(Long::longValue).sum();
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        out.put("JIT, GC and other", process - threads);
        return out;
    }

    /**
     * The inputs a default devnet hands out, in the same proportions: its corpus (drawn uniformly) and its empty-input
     * synthetic tasks ({@code syntheticRate} of them, 10 %: cheap, 2 tokens), so that the benchmark runs the work
     * the miner is given and not only the corpus's sentences.
     */
    static List<String> devnetInputs() {
        List<String> corpus = TaskCorpus.builtIn().sentences();
        double rate = DevnetConfig.defaults().syntheticRate();
        int empties = (int) Math.round(corpus.size() * rate / (1 - rate));
        List<String> inputs = new java.util.ArrayList<>(corpus);
        for (int i = 0; i < empties; i++) {
            inputs.add((i + 1) * inputs.size() / (empties + 1), "");
        }
        return inputs;
    }

    /** The engine's benchmark as {@code bench} runs it (N workers on one model), 10 s on the devnet's own texts. */
    static double engineBench(Path modelDir, Path data, int threads) throws Exception {
        int workers = threads > 0 ? threads : PhysicalCores.count();
        try (InferenceEngine engine = new InferenceEngine(new EngineConfig(BackendPreference.CPU, 1,
                data.resolve("native"), EngineConfig.DEFAULT_MEMORY_BUDGET_MB))) {
            return new EngineBench(engine, new ModelId("qfc-embed-small", "v1.0"), modelDir,
                    devnetInputs(), workers, data.resolve("native")).run(10, false, (f, w) -> { })
                    .engine().perSecond();
        }
    }
}
