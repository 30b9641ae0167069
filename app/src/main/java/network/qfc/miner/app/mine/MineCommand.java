package network.qfc.miner.app.mine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.MinerChoices;
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.app.cli.Choices;
import network.qfc.miner.app.update.UpdateNotice;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.core.metrics.MetricsServer;
import network.qfc.miner.core.metrics.MinerMetrics;
import network.qfc.miner.core.mining.ComputeMode;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerServices;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.app.EmbeddedDevnet;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.models.ModelCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mine}: the headless miner. Builds a {@link MinerRuntime} from the flags (and {@code QFC_COMPUTE_MODE},
 * {@code QFC_INFERENCE_BACKEND}, {@code QFC_MODEL_DIR}), prints a line per proof (or one JSON object per event with
 * {@code --json}; logs go to stderr), and stops on {@code --max-proofs}, {@code --duration} or Ctrl-C, finishing or
 * journaling the proof in flight. Exit 0 on a clean stop, 1 with a one-line reason on a fatal error, 2 on bad flags.
 *
 * <p>Polite mining: the resource governor ({@link GovernorSetup}, shared with the desktop app) always runs, with the
 * rules of {@code --cpu-cap}, {@code --idle-only}, {@code --[no-]pause-on-battery}, {@code --min-battery},
 * {@code --max-temp}, {@code --schedule} and {@code --[no-]yield-to-user}; its pauses and throttles are events (and
 * journal rows) with the reason.
 */
@Command(name = "mine",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Mine from the terminal: fetch tasks, run the model, submit signed proofs.",
            "With --devnet, a local devnet runs in this process and a devnet key is made in the data folder."})
public final class MineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down when {@link #call()} has closed everything: the shutdown hook waits for it. */
    private final CountDownLatch tornDown = new CountDownLatch(1);

    @Option(names = "--rpc", paramLabel = "URL", description = "The node's JSON-RPC address (default ${DEFAULT-VALUE}).",
            defaultValue = MinerSettings.DEFAULT_RPC)
    String rpc;
    @Option(names = "--devnet", description = "Start a local devnet (open mode) in this process and mine against it.")
    boolean devnet;
    @Option(names = "--key-file", paramLabel = "FILE", description = "Plain key file: 64 hex characters, owner-only.")
    Path keyFile;
    @Option(names = "--keystore", paramLabel = "FILE", description = "Encrypted key file (see `keys new`).")
    Path keystore;
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The keystore's password (first line; owner-only). Without it: a hidden prompt.")
    Path passwordFile;
    @Option(names = "--backend", paramLabel = "BACKEND", completionCandidates = Choices.Backends.class,
            description = "Where inference runs: ${COMPLETION-CANDIDATES} (or QFC_INFERENCE_BACKEND; default auto).")
    BackendPreference backend;
    @Option(names = "--compute-mode", paramLabel = "MODE", completionCandidates = Choices.ComputeModes.class,
            converter = Choices.ComputeModeConverter.class,
            description = "inference, auto (inference when a model can run here) or none (watch only); "
                    + "or QFC_COMPUTE_MODE. 'pow' is the node's own mining, not this app's.")
    ComputeMode computeMode;
    @Option(names = "--model-dir", paramLabel = "DIR", description = "The model cache (or QFC_MODEL_DIR; ~/.cache/qfc-models).")
    Path modelDir;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Journals (one per network), devnet key and native libraries.")
    Path dataDir;
    @Option(names = "--threads", paramLabel = "N", description = "Inference workers, each with one intra-op thread (default: one per physical core).")
    int threads;
    @Option(names = "--max-proofs", paramLabel = "N", description = "Stop after N proofs answered by the node.")
    long maxProofs;
    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds.")
    long durationSeconds;
    @Option(names = "--json", description = "One JSON object per event on stdout; logs on stderr.")
    boolean json;
    @Option(names = "--metrics-port", paramLabel = "P", description = "Serve Prometheus metrics on 127.0.0.1:P.")
    Integer metricsPort;
    @Option(names = "--cpu-cap", paramLabel = "PERCENT",
            description = "Use at most this share of the machine (10-100; default 100): fewer threads and a pause "
                    + "between tasks, measured.")
    Integer cpuCap;
    @Option(names = "--idle-only", paramLabel = "MINUTES",
            description = "Mine only after no keyboard or mouse input for MINUTES (1-1440; default off).")
    Integer idleOnly;
    @Option(names = "--pause-on-battery", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pause while on battery power (default on; --no-pause-on-battery to mine on battery).")
    boolean pauseOnBattery = true;
    @Option(names = "--min-battery", paramLabel = "PERCENT",
            description = "On battery, pause below this charge (0-100; 0 = off; default "
                    + GovernorPolicy.DEFAULT_MIN_BATTERY_PERCENT + ").")
    Integer minBattery;
    @Option(names = "--max-temp", paramLabel = "C",
            description = "Pause at this CPU temperature in °C, resume 5 °C below (40-110; default 90; "
                    + "not applied where the sensor cannot be read).")
    Double maxTemp;
    @Option(names = "--schedule", paramLabel = "HOURS",
            description = "Mining hours, e.g. \"mon-fri 22:00-07:00, sat-sun all\" (default: any time).")
    String schedule;
    @Option(names = "--yield-to-user", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Throttle, then pause, when other programs use more than half of the CPU (default on).")
    boolean yieldToUser = true;
    @Option(names = "--no-update-check", description = "Do not look for a newer version (by default a releases feed "
            + "is read once a day and one line says when a newer version is out).")
    boolean noUpdateCheck;
    @Option(names = "--allow-insecure-http",
            description = "Allow plain http:// to a node that is not on this computer (readable and changeable on the way).")
    boolean allowInsecureHttp;

    private Map<String, String> env = System.getenv();

    /** Reads the settings variables from {@code environment} instead of the process's (tests). */
    public MineCommand withEnvironment(Map<String, String> environment) {
        this.env = Map.copyOf(environment);
        return this;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MinerSettings settings;
        MinerServices services;
        List<AutoCloseable> closeLast = new ArrayList<>();
        try {
            GovernorPolicy policy = governorPolicy();
            AppDirectories dirs = directories();
            Path models = ModelCache.resolveRoot(modelDir, env, System.getProperty("user.home"));
            String url = rpc;
            if (devnet) {
                if (spec.commandLine().getParseResult().hasMatchedOption("--rpc")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "give either --rpc or --devnet, not both");
                }
                DevnetNode node = EmbeddedDevnet.start(models, spec.commandLine().getErr());
                closeLast.add(node);
                url = node.url().toString();
                if (!json) {
                    out.println("devnet: " + url + " (" + node.reachability() + ", open mode)");
                    out.flush();
                }
            }
            MinerChoices choices = new MinerChoices(url, allowInsecureHttp, keySource(dirs), models, dirs,
                    backend != null ? backend.name() : firstOf(null, env.get("QFC_INFERENCE_BACKEND"), "auto"),
                    computeMode != null ? computeMode.name() : firstOf(null, env.get("QFC_COMPUTE_MODE"), "inference"),
                    threads);
            if (maxProofs < 0 || durationSeconds < 0) {
                throw new IllegalArgumentException("--max-proofs and --duration must not be negative");
            }
            services = MinerServices.start(dirs, models, policy, java.time.Clock.systemUTC());
            closeLast.add(0, services);
            settings = choices.settings(services.governor())
                    .withLimits(maxProofs, durationSeconds > 0 ? Duration.ofSeconds(durationSeconds) : null);
        } catch (IllegalArgumentException e) {
            closeAll(closeLast);
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return mine(services, settings, out, closeLast);
        } finally {
            closeAll(closeLast);
            tornDown.countDown();
        }
    }

    private int mine(MinerServices services, MinerSettings settings, PrintWriter out, List<AutoCloseable> closeLast)
            throws Exception {
        MinerRuntime runtime = services.newSession(settings);
        EventBus bus = services.events();
        if (json) {
            JsonEventPrinter printer = new JsonEventPrinter(out);
            bus.subscribe("json-out", printer::print);
        } else {
            ProofLinePrinter printer = new ProofLinePrinter(out, runtime::snapshot);
            bus.subscribe("terminal-out", printer::print);
        }
        if (metricsPort != null) {
            MinerMetrics metrics = new MinerMetrics(runtime::snapshot, QfcCommand.applicationVersion());
            bus.subscribe("metrics", metrics::onEvent);
            MetricsServer server = MetricsServer.start(metrics, metricsPort);
            closeLast.add(0, server);
        }
        StopCause cause = StopCause.watch();
        // the JVM halts once its hooks return: this one waits for the stop and then for this thread's own closing
        // (the bus delivering the stop line, the journal closing), or the last lines could be lost
        Thread hook = new Thread(() -> {
            runtime.stop(cause.reason()).orTimeout(90, TimeUnit.SECONDS).exceptionally(e -> null).join();
            try {
                tornDown.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "qfc-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runtime.start();
            if (!noUpdateCheck) {
                PrintWriter notices = json ? spec.commandLine().getErr() : out; // --json keeps stdout all events
                UpdateNotice.start(env, settings.directories().data(), QfcCommand.applicationVersion(), line -> {
                    notices.println(line);
                    notices.flush();
                });
            }
            try {
                runtime.stopped().get();
                return 0;
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("error: " + oneLine(e.getCause()));
                spec.commandLine().getErr().flush();
                return 1;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the runtime
            }
        }
    }

    /**
     * The governor's rules from the flags (the defaults where a flag is absent).
     *
     * @throws IllegalArgumentException naming the flag and its allowed range
     */
    GovernorPolicy governorPolicy() {
        GovernorPolicy d = GovernorPolicy.defaults();
        int cap = cpuCap == null ? d.cpuCapPercent() : cpuCap;
        int idle = idleOnly == null ? 0 : idleOnly;
        int battery = minBattery == null ? d.minBatteryPercent() : minBattery;
        OptionalDouble temp = maxTemp == null ? d.maxTemperatureC() : OptionalDouble.of(maxTemp);
        flag("--cpu-cap", () -> d.withCpuCapPercent(cap));
        if (idleOnly != null && idle < 1) {
            throw new IllegalArgumentException("--idle-only: give the minutes of no input before mining (1 to 1440), "
                    + "got " + idle + "; leave the flag out to mine while the computer is in use");
        }
        flag("--idle-only", () -> d.withIdleOnlyMinutes(idle));
        flag("--min-battery", () -> d.withMinBatteryPercent(battery));
        if (maxTemp != null && (maxTemp.isNaN() || maxTemp.isInfinite())) {
            throw new IllegalArgumentException("--max-temp: give a temperature in °C between 40 and 110");
        }
        flag("--max-temp", () -> d.withMaxTemperatureC(temp, GovernorSetup.TEMPERATURE_MARGIN_C));
        MiningSchedule hours = schedule == null ? MiningSchedule.ALWAYS
                : flag("--schedule", () -> MiningSchedule.parse(schedule));
        return GovernorSetup.policy(cap, idle, pauseOnBattery, battery, temp, hours)
                .withYieldToUser(yieldToUser, d.yieldThresholdPercent());
    }

    private static <T> T flag(String name, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private AppDirectories directories() {
        AppDirectories os = AppDirectories.forThisProcess();
        if (dataDir == null) {
            return os;
        }
        Path d = dataDir.toAbsolutePath();
        return new AppDirectories(os.config(), d, d.resolve("logs"));
    }

    private KeySource keySource(AppDirectories dirs) {
        if (keyFile != null && keystore != null) {
            throw new IllegalArgumentException("give either --key-file or --keystore, not both");
        }
        if (passwordFile != null && keystore == null) {
            throw new IllegalArgumentException("--password-file goes with --keystore");
        }
        if (keyFile != null) {
            return KeySource.plainFile(keyFile);
        }
        if (keystore != null) {
            return KeySource.keystore(keystore, passwordFile != null ? PasswordSource.file(passwordFile)
                    : PasswordSource.console("Password for " + keystore.getFileName() + ": "));
        }
        if (devnet) {
            return KeySource.devnet(dirs.data());
        }
        throw new IllegalArgumentException("no validator key: give --key-file FILE or --keystore FILE "
                + "(create one with `keys new`), or try --devnet");
    }

    private static String firstOf(String flag, String envValue, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        return envValue != null && !envValue.isBlank() ? envValue : fallback;
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // closing on the way out: nothing more to do
            }
        }
        closeables.clear();
    }
}
