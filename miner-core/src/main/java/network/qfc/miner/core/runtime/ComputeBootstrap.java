package network.qfc.miner.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.inference.BackendSelection;
import network.qfc.miner.core.inference.EngineConfig;
import network.qfc.miner.core.inference.HardwareBenchmark;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.BackendSelfCheck;
import network.qfc.miner.core.inference.InferenceWorkers;
import network.qfc.miner.core.inference.SelfCheckCache;
import network.qfc.miner.core.mining.ComputeMode;
import network.qfc.miner.core.mining.MinerProfile;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.models.DownloadNotice;
import network.qfc.miner.models.DownloadProgress;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.probe.Accelerator;
import network.qfc.miner.probe.GpuTier;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.TierAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up steps before talking to the node: tier from the probe, the tier's model installed (the bundled copy
 * first when there is one, else the hub, with progress events), the engine on the chosen backend (a fallback is
 * published), the model loaded, and the benchmark score. In {@code auto} mode a failure here means "no compute, and
 * why"; in {@code inference} mode it is fatal.
 */
final class ComputeBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeBootstrap.class);
    static final ModelId EMBED_SMALL = new ModelId("qfc-embed-small", "v1.0");
    static final ModelId EMBED_MEDIUM = new ModelId("qfc-embed-medium", "v1.0");
    static final ModelId CLASSIFY_SMALL = new ModelId("qfc-classify-small", "v1.0");

    private final MinerSettings settings;
    private final ModelCache cache;
    private final MinerFeed feed;

    ComputeBootstrap(MinerSettings settings, ModelCache cache, MinerFeed feed) {
        this.settings = settings;
        this.cache = cache;
        this.feed = feed;
    }

    PreparedCompute prepare(HardwareReport report, TierAssessment assessment) {
        GpuTier tier = assessment.tier();
        feed.update(s -> s.withCompute(tier.wireName(), null, null));
        if (settings.computeMode() == ComputeMode.NONE) {
            return new PreparedCompute(null, null, null, profile(report, assessment, tier, ComputeBackend.CPU, 0),
                    "compute mode none: connected and watching only", null);
        }
        try {
            return prepareInference(report, assessment, tier);
        } catch (RuntimeException e) {
            if (settings.computeMode() == ComputeMode.AUTO) {
                String why = "compute mode auto: no supported model can run here (" + e.getMessage() + ")";
                LOG.warn(why);
                return new PreparedCompute(null, null, null, profile(report, assessment, tier, ComputeBackend.CPU, 0), why,
                        null);
            }
            throw e;
        }
    }

    private PreparedCompute prepareInference(HardwareReport report, TierAssessment assessment, GpuTier tier) {
        List<ModelId> candidates = new ArrayList<>();
        candidates.add(tier == GpuTier.COLD ? EMBED_SMALL : EMBED_MEDIUM);
        if (!candidates.contains(EMBED_SMALL)) {
            candidates.add(EMBED_SMALL);
        }
        RuntimeException last = null;
        for (ModelId model : candidates) {
            try {
                Path dir = install(model);
                GpuTier effective = model.equals(EMBED_SMALL) && tier != GpuTier.COLD ? GpuTier.COLD : tier;
                if (effective != tier) {
                    LOG.warn("{} is not available; mining Cold tasks with {}", candidates.get(0), model);
                }
                return start(report, assessment, effective, model, dir);
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("cannot use {}: {}", model, e.getMessage());
            }
        }
        throw last;
    }

    private Path install(ModelId model) {
        ModelRef ref = new ModelRef(model.name(), model.version());
        if (cache.state(ref) == InstallState.INSTALLED) {
            // a file changed on disk since it was installed computes wrong numbers (slashed on a spot check): check
            // the hashes at every start (one read of the files, ~0.3 s for 91 MB); restored or removed if damaged
            java.util.Optional<Path> verified = new ModelIntegrity(cache,
                    m -> feed.publish(new MinerEvent.Error(feed.now(), m, false))).verified(ref);
            if (verified.isPresent()) {
                return verified.get();
            }
        }
        try {
            if (cache.registry().find(ref).flatMap(m -> m.seedSource()).isPresent()) {
                try {
                    cache.seedFromBundle(ref);
                    if (cache.state(ref) == InstallState.INSTALLED) {
                        // one line for the user (mine prints "model <ref>: ..."): the same words as BundledModel's
                        feed.publish(new MinerEvent.ModelDownloadProgress(feed.now(), model.toString(), -1, -1,
                                "was not installed: installed it from the copy bundled with the app into "
                                        + cache.modelDir(ref)));
                        return cache.modelDir(ref);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.info("no bundled copy of {} ({}); downloading it", model, e.getMessage());
                }
            }
            return cache.ensureInstalled(ref, e -> {
                if (e instanceof DownloadProgress p) {
                    feed.publish(new MinerEvent.ModelDownloadProgress(feed.now(), model.toString(), p.bytes(), p.total(),
                            p.file()));
                } else if (e instanceof DownloadNotice n) {
                    feed.publish(new MinerEvent.ModelDownloadProgress(feed.now(), model.toString(), -1, -1,
                            n.kind().name().toLowerCase(Locale.ROOT) + ": " + n.message()));
                }
            }).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("model " + model + " could not be installed: " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + model);
        }
    }

    private PreparedCompute start(HardwareReport report, TierAssessment assessment, GpuTier tier, ModelId model,
                                  Path dir) {
        // N workers (one per physical core by default), each calling the shared model with one intra-op thread:
        // measured best on 2 cores (README, "Inference speed")
        int threads = settings.threads() > 0 ? settings.threads() : InferenceWorkers.defaultCount();
        EngineConfig config = new EngineConfig(settings.backend(), 1, settings.directories().nativeCache(),
                EngineConfig.DEFAULT_MEMORY_BUDGET_MB);
        // a backend other than the CPU mines only once it computes the CPU's bits (verdict kept in the data folder)
        BackendSelfCheck selfCheck = new BackendSelfCheck(
                Optional.of(new SelfCheckCache(settings.directories().data())), false, java.time.Clock.systemUTC());
        InferenceEngine engine = new InferenceEngine(config, null, selfCheck);
        try {
            engine.preload(model, dir);
            keepTierModelsLoaded(engine, tier, model);
            BackendSelection b = engine.backend();
            String fallback = b.fallbackReason().orElse(null);
            if (fallback != null) {
                feed.publish(new MinerEvent.BackendFellBack(feed.now(), b.requested().name().toLowerCase(Locale.ROOT),
                        b.actual().wireName(), fallback));
            }
            feed.update(s -> s.withCompute(tier.wireName(), b.actual().wireName(), fallback)
                    .withModel(model.toString(), engine.layers().getOrDefault(model,
                            network.qfc.miner.core.inference.ModelLayer.HOT).wireName()));
            BenchmarkScores scores = new BenchmarkScores(settings.directories().data());
            String key = BenchmarkScores.key(report.cpu().name(), b.actual().wireName(), model.toString(), threads);
            long score;
            java.util.OptionalLong known = scores.find(key, feed.now());
            if (known.isPresent()) {
                score = known.getAsLong();
                LOG.info("benchmark score {} on {} with {} (measured within the last week)", score,
                        b.actual().wireName(), model);
            } else {
                score = new HardwareBenchmark(engine, model, dir).run(settings.benchmarkTime()).score();
                scores.remember(key, score, feed.now());
                LOG.info("benchmark score {} on {} with {}", score, b.actual().wireName(), model);
            }
            engine.selfChecks().values().forEach(c -> LOG.info("self-check: {}", c.message()));
            return new PreparedCompute(engine, model, dir, profile(report, assessment, tier, b.actual(), score), null,
                    new InferenceWorkers(threads));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * A Warm or Hot miner keeps every model its tier allows loaded (qfc-embed-small, qfc-embed-medium,
     * qfc-classify-small), so a task for any of them is run at once: the node hands out Cold tasks to them too. Only
     * models already installed (or bundled) are loaded here; none is downloaded on this path.
     */
    private void keepTierModelsLoaded(InferenceEngine engine, GpuTier tier, ModelId primary) {
        for (ModelId m : tierModels(tier)) {
            if (m.equals(primary)) {
                continue;
            }
            ModelRef ref = new ModelRef(m.name(), m.version());
            boolean here = cache.state(ref) == InstallState.INSTALLED
                    || cache.registry().find(ref).flatMap(x -> x.seedSource()).isPresent();
            if (!here) {
                LOG.info("{} is not installed: tasks for it wait until it is (models pull {})", m, m);
                continue;
            }
            try {
                engine.preload(m, install(m));
            } catch (RuntimeException e) {
                LOG.info("{} not kept loaded: {}", m, e.getMessage());
            }
        }
    }

    /** The models a tier keeps loaded: Cold only the small embedder; Warm and Hot all three. */
    static List<ModelId> tierModels(GpuTier tier) {
        return tier == GpuTier.COLD ? List.of(EMBED_SMALL) : List.of(EMBED_SMALL, EMBED_MEDIUM, CLASSIFY_SMALL);
    }

    private MinerProfile profile(HardwareReport report, TierAssessment assessment, GpuTier tier,
                                 ComputeBackend backend, long score) {
        boolean gpu = assessment.accelerator() != Accelerator.CPU && backend != ComputeBackend.CPU;
        String gpuName = gpu && !report.gpus().isEmpty() ? report.gpus().get(0).name() : report.cpu().name();
        long vram = gpu ? assessment.memoryMb() : 0;
        return new MinerProfile(gpuName, vram, Math.min(10_000, Math.max(0, score)), backend, tier,
                assessment.memoryMb(), osName(), archName(report.os().architecture()), report.cpu().name(),
                report.cpu().physicalCores(), report.memory().totalMb(), settings.version());
    }

    static String osName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "windows" : os.contains("mac") ? "macos" : "linux";
    }

    static String archName(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return a.equals("aarch64") || a.equals("arm64") ? "aarch64" : a.equals("amd64") || a.equals("x86_64") ? "x86_64" : a;
    }
}
