package network.qfc.miner.app.devnet;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.NodeEmulation;
import network.qfc.miner.devnet.NodeGeneration;
import network.qfc.miner.models.ModelCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code devnet}: a local QFC node for this computer, until Ctrl-C. Prints where it listens (loopback unless
 * {@code --bind} says otherwise), its rules, and one line per registration, proof, slash and unjail.
 */
@Command(name = "devnet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a local QFC node (JSON-RPC on loopback) that hands out real embedding tasks and checks "
                + "proofs like qfc-node: signatures, epochs, FLOPs, spot checks by re-execution, slashing and jail.",
            "--generation plays one qfc-node generation (proof layout, time rule, registration rules); the other "
                + "switches below it inject what real nodes do to miners (forgotten registrations, tasks a miner "
                + "cannot run, a clock that is off).",
            "Stop it with Ctrl-C."})
public final class DevnetCommand implements Callable<Integer> {
    static final String MODEL = "qfc-embed-small";
    static final String VERSION = "v1.0";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).", defaultValue = "8545")
    int port;

    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only). "
            + "Anything else lets other computers reach the node.", defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--validator", paramLabel = "PUBKEY", description = "A validator's Ed25519 public key (64 hex). Repeatable.")
    List<String> validators = new ArrayList<>();

    @Option(names = "--open", description = "Admit any key that registers (with its publicKey), with a 10 000 QFC stake.")
    boolean open;

    @Option(names = "--epoch-ms", description = "Epoch length in ms (default: ${DEFAULT-VALUE}, as qfc-node).", defaultValue = "10000")
    long epochMs;

    @Option(names = "--spot-check-rate", paramLabel = "R", description = "Share of proofs re-executed, 0.0..1.0 "
            + "(default: the node's rule, output_hash[0] < 12, about 5%%; 1.0 = every proof).")
    Double spotCheckRate;

    @Option(names = "--challenge-rate", paramLabel = "R", description = "Share of tasks that are known-answer challenges "
            + "(default: the node's 10%% / 8%% / 5%%; 0 = none).")
    Double challengeRate;

    @Option(names = "--jail-ms", description = "Jail after a failed spot check, in ms (default: ${DEFAULT-VALUE} = 6 h).",
            defaultValue = "21600000")
    long jailMs;

    @Option(names = "--tolerant", description = "Also pass a spot check when the miner's resultData has cosine >= 0.9999 "
            + "with the devnet's own vector (hardware that cannot be bit-exact).")
    boolean tolerant;

    @Option(names = "--model-dir", paramLabel = "D", description = "Folder of qfc-embed-small (model.onnx + tokenizer.json) "
            + "to re-execute spot checks (default: $QFC_MODEL_DIR or ~/.cache/qfc-models, then " + MODEL + "/" + VERSION + ").")
    Path modelDir;

    @Option(names = "--generation", paramLabel = "G", converter = GenerationConverter.class,
            description = {"The qfc-node generation to play: v2.0 (proof layout A, validators only, epoch +-1 of the "
                + "node's consensus epoch, with the real node's epoch trap), rocm (layout B, miner registry with "
                + "publicKey, epoch rule and trap as v2.0) or latest (layout C, registered standalone miners, proof "
                + "timestamp at most 120 s old and 10 s ahead).",
                "Default: latest (what a miner meets on the network today)."})
    NodeGeneration generation;

    @Option(names = "--epoch-trap", negatable = true, description = "v2.0 and rocm: stamp tasks with unix-ms / epoch "
            + "length as the real node does while proofs are checked against the consensus epoch (1 + uptime / epoch "
            + "length). On by default with --generation v2.0 or rocm.")
    Boolean epochTrap;

    @Option(names = "--forget-registrations-every", paramLabel = "N", defaultValue = "0",
            description = "rocm and latest: after every N-th proof submission, forget every miner registration as a "
                + "node restart does (validators stay); the next proof of a standalone miner is answered "
                + "\"Unknown miner — register first via qfc_registerMiner\". 0 = never (default).")
    int forgetEvery;

    @Option(names = "--speech-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of tasks (0.0..1.0) handed out as speech_to_text with qfc-whisper-base (input: raw f32 "
                + "little-endian PCM, 16 kHz mono), which this miner cannot run (default: ${DEFAULT-VALUE}).")
    double speechRate;

    @Option(names = "--llm-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of tasks (0.0..1.0) handed out as \"embedding\" tasks whose model is the LLM "
                + "qfc-llm-0.5b, which this miner cannot run (default: ${DEFAULT-VALUE}).")
    double llmRate;

    @Option(names = "--clock-offset", paramLabel = "S", defaultValue = "0",
            description = "Run the node's clock S seconds ahead of this computer's (negative: behind): the time rule, "
                + "task deadlines, epochs, qfc_getEpoch and the HTTP Date header of every answer. Write a negative "
                + "value as --clock-offset=-200.")
    long clockOffset;

    @Option(names = "--refuse-duplicates", description = "Answer a second proof for a task already accepted with "
            + "accepted:false \"Proof rejected: duplicate\" (the qfc-node code read accepts it again).")
    boolean refuseDuplicates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Parses --generation with the accepted spellings in its error. */
    static final class GenerationConverter implements CommandLine.ITypeConverter<NodeGeneration> {
        @Override
        public NodeGeneration convert(String value) {
            try {
                return NodeGeneration.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile DevnetNode running;

    @Override
    public Integer call() throws InterruptedException {
        DevnetConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        DevnetNode node = DevnetNode.start(config);
        running = node;
        node.addListener(e -> print(out, line(e)));
        Thread hook = new Thread(() -> {
            stop.countDown();
            node.close();
            print(out, "devnet stopped");
        }, "devnet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        print(out, describe(node, config));
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                node.close();
                print(out, "devnet stopped");
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook closes the node
            }
        }
        return 0;
    }

    /** Stops a running {@code devnet} as Ctrl-C does (for an embedding caller or a test). */
    public void stop() {
        stop.countDown();
    }

    /** The node while the command runs, else null. */
    public DevnetNode node() {
        return running;
    }

    DevnetConfig config() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + " is not an address of this computer");
        }
        Path models = modelDir != null ? modelDir : bundledModelDir();
        if (modelDir != null && !holdsModel(modelDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model-dir " + modelDir
                    + " must hold model.onnx and tokenizer.json of " + MODEL);
        }
        try {
            return DevnetConfig.defaults().withBindAddress(address).withPort(port).withValidatorPublicKeys(validators)
                    .withOpenMode(open).withEpochMs(epochMs)
                    .withSpotCheckRate(spotCheckRate == null ? OptionalDouble.empty() : OptionalDouble.of(spotCheckRate))
                    .withChallengeRate(challengeRate == null ? OptionalDouble.empty() : OptionalDouble.of(challengeRate))
                    .withJailMs(jailMs).withTolerantVerification(tolerant)
                    .withModelDir(holdsModel(models) ? models : null).withEmulation(emulation());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private NodeEmulation emulation() {
        NodeEmulation e = NodeEmulation.latest();
        if (generation != null) {
            e = e.withGeneration(generation);
        }
        if (epochTrap != null) {
            e = e.withEpochTrap(epochTrap);
        }
        return e.withForgetRegistrationsEvery(forgetEvery).withSpeechRate(speechRate).withLlmRate(llmRate)
                .withClockOffsetSeconds(clockOffset).withRefuseDuplicates(refuseDuplicates);
    }

    /** qfc-embed-small in the model cache, installed from the bundled copy when missing (one line on stderr). */
    private Path bundledModelDir() {
        try {
            return network.qfc.miner.app.BundledModel.ensure(
                    ModelCache.resolveRoot(null, System.getenv(), System.getProperty("user.home")),
                    spec.commandLine().getErr());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot install " + MODEL + " from the bundled copy: " + e.getMessage(), e);
        }
    }

    static boolean holdsModel(Path dir) {
        return Files.isRegularFile(dir.resolve("model.onnx")) && Files.isRegularFile(dir.resolve("tokenizer.json"));
    }

    static String describe(DevnetNode node, DevnetConfig c) {
        StringBuilder s = new StringBuilder();
        s.append("QFC devnet listening on ").append(node.url()).append(" (").append(node.reachability()).append(")\n");
        s.append("  chain id 0x539, epochs of ").append(c.epochMs()).append(" ms, ")
                .append(c.validatorPublicKeys().size()).append(" validator(s) given")
                .append(c.openMode() ? ", open: any key that registers is admitted" : "").append('\n');
        if (c.validatorPublicKeys().isEmpty() && !c.openMode()) {
            s.append("  note: no validator can mine here; give --validator PUBKEY or --open\n");
        }
        String rule = c.spotCheckRate().isPresent()
                ? String.format(java.util.Locale.ROOT, "%.0f%% of proofs", c.spotCheckRate().getAsDouble() * 100)
                : "the node's rule (output_hash[0] < 12, about 5%)";
        s.append("  spot checks: ").append(rule).append(", ")
                .append(c.modelDir().map(d -> "re-executed with " + MODEL + " from " + d)
                        .orElse("OFF: no model found (give --model-dir D holding model.onnx + tokenizer.json)"))
                .append('\n');
        s.append(generationLine(c.emulation())).append('\n');
        faultsLine(c.emulation()).ifPresent(f -> s.append(f).append('\n'));
        s.append("  verification: exact output hash").append(c.tolerantVerification() ? ", or cosine >= 0.9999 (tolerant)" : "")
                .append("; slash 5% of stake, -2000 reputation, jail ").append(c.jailMs()).append(" ms\n");
        s.append("  Ctrl-C to stop");
        return s.toString();
    }

    static String generationLine(NodeEmulation e) {
        NodeGeneration g = e.generation();
        String time = g.checksEpoch()
                ? "epoch within +-1 of the node's consensus epoch" + (e.epochTrap()
                        ? " (epoch trap ON: tasks carry unix-ms / epoch length)" : " (tasks carry that epoch)")
                : "proof timestamp at most 120 s old and 10 s ahead, epoch not checked";
        String who = g.hasMinerRegistry()
                ? "registered miners (publicKey required, held in memory) and validators"
                : "validators only";
        return "  generation " + g + ": " + g.layout().displayName() + ", " + time + "; " + who;
    }

    static java.util.Optional<String> faultsLine(NodeEmulation e) {
        List<String> f = new ArrayList<>();
        if (e.forgetRegistrationsEvery() > 0) {
            f.add("registrations forgotten every " + e.forgetRegistrationsEvery() + " proofs");
        }
        if (e.speechRate() > 0 || e.llmRate() > 0) {
            f.add(String.format(java.util.Locale.ROOT, "%.0f%% speech_to_text and %.0f%% qfc-llm-0.5b tasks",
                    e.speechRate() * 100, e.llmRate() * 100));
        }
        if (e.clockOffsetSeconds() != 0) {
            f.add("node clock " + Math.abs(e.clockOffsetSeconds()) + " s "
                    + (e.clockOffsetSeconds() > 0 ? "ahead of" : "behind") + " this computer's");
        }
        if (e.refuseDuplicates()) {
            f.add("duplicates refused");
        }
        return f.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("  faults: " + String.join(", ", f));
    }

    static String line(DevnetEvent e) {
        String time = LocalTime.now().format(TIME);
        if (e instanceof DevnetEvent.ProofAnswered p) {
            String outcome = p.accepted() ? "accepted" : "REJECTED";
            if (p.spotChecked()) {
                outcome += p.challenge() ? ", challenge" : ", spot-checked";
            }
            return time + " proof  " + p.validator() + " task " + p.taskId().substring(0, 12) + "… epoch " + p.epoch()
                    + ": " + outcome + (p.duplicate() ? " (resubmitted)" : "") + " - " + p.message();
        } else if (e instanceof DevnetEvent.MinerRegistration r) {
            return time + " miner  " + r.miner() + (r.admitted() ? " admitted," : "") + " " + r.message();
        } else if (e instanceof DevnetEvent.Slashed s) {
            return time + " SLASH  " + s.validator() + ": " + s.cause() + "; stake now " + s.stakeAfterWei()
                    + " wei, reputation " + s.reputationAfter()
                    + (s.jailUntilMs() > 0 ? ", jailed until " + java.time.Instant.ofEpochMilli(s.jailUntilMs()) : "");
        } else if (e instanceof DevnetEvent.RegistrationsForgotten f) {
            return time + " forgot every miner registration after " + f.afterProofs()
                    + " proofs (as a node restart does)";
        } else if (e instanceof DevnetEvent.Unjailed u) {
            return time + " unjail " + u.validator() + " is active again";
        }
        return time + " " + e;
    }

    private static synchronized void print(PrintWriter out, String text) {
        out.println(text);
        out.flush();
    }
}
