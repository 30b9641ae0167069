package network.qfc.miner.devnet.tasks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.devnet.chain.EpochClock;

/**
 * Hands out embedding tasks and remembers them (so a spot check can re-execute the very input), like the node's task
 * pool but never empty: every fetch makes a fresh task. The node's assignment rule holds: an embedding needs tier Cold
 * or better and {@code availableMemoryMb >= 1024}, else there is no task ({@code null}).
 *
 * <p>Every task is {@code qfc-embed-small@v1.0} whatever the tier (a Warm or Hot miner may run a Cold task, and the
 * devnet re-executes only that model); a fraction are the node's synthetic tasks with EMPTY input, the rest are
 * sentences of the corpus, and when asked, a known-answer challenge (a fixed challenge input, indistinguishable in shape).
 *
 * <p>Like the newer nodes, it can also hand out tasks this project's miner cannot run, at the rates of a {@link Mix}:
 * {@code speech_to_text} with {@code qfc-whisper-base} (input: raw f32 little-endian PCM, 16 kHz mono) and
 * {@code embedding} tasks whose model is the LLM {@code qfc-llm-0.5b} (input: a UTF-8 prompt). It counts them.
 */
public final class TaskBoard {
    public static final String MODEL_NAME = "qfc-embed-small";
    public static final String MODEL_VERSION = "v1.0";
    /** The node's memory requirement for an embedding task. */
    public static final long EMBEDDING_MIN_MEMORY_MB = 1024;
    private static final long RETENTION_AFTER_DEADLINE_MS = 10 * 60_000L;
    private static final int MAX_REMEMBERED = 200_000;
    private static final int CHALLENGE_INPUTS = 8;

    public static final String SPEECH_MODEL = "qfc-whisper-base";
    public static final String LLM_MODEL = "qfc-llm-0.5b";
    /** Half a second of audio: 8000 samples, 32000 bytes (well under the 64 KiB a miner may cap inputs at). */
    static final int SPEECH_SAMPLES = 8000;

    /**
     * What else the board hands out: {@code speechRate} and {@code llmRate} fractions of tasks the miner cannot run;
     * {@code unixEpochs} stamps tasks with unix-ms / epoch length as the real node does (else the consensus epoch).
     */
    public record Mix(double speechRate, double llmRate, boolean unixEpochs) {
        public static final Mix EMBEDDINGS_ONLY = new Mix(0, 0, false);
    }

    private final TaskCorpus corpus;
    private final Mix mix;
    private final java.util.concurrent.atomic.AtomicLong unrunnableIssued = new java.util.concurrent.atomic.AtomicLong();
    private final EpochClock epochs;
    private final double syntheticRate;
    private final long deadlineMs;
    private final List<String> challengeInputs;
    private final Map<String, IssuedTask> issued = new LinkedHashMap<>();
    private final SplittableRandom random;
    private long counter;

    public TaskBoard(TaskCorpus corpus, EpochClock epochs, double syntheticRate, long deadlineMs, long seed) {
        this(corpus, epochs, syntheticRate, deadlineMs, seed, Mix.EMBEDDINGS_ONLY);
    }

    public TaskBoard(TaskCorpus corpus, EpochClock epochs, double syntheticRate, long deadlineMs, long seed, Mix mix) {
        this.corpus = corpus;
        this.mix = mix;
        this.epochs = epochs;
        this.syntheticRate = syntheticRate;
        this.deadlineMs = deadlineMs;
        this.random = new SplittableRandom(seed);
        // the known-answer inputs: a fixed handful of corpus sentences spread over the list, plus the empty input
        java.util.ArrayList<String> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < CHALLENGE_INPUTS; i++) {
            inputs.add(corpus.get((long) i * corpus.size() / CHALLENGE_INPUTS + 3));
        }
        inputs.add("");
        this.challengeInputs = List.copyOf(inputs);
    }

    /** The inputs of the known-answer challenges (fixed for the node's life). */
    public List<String> challengeInputs() {
        return challengeInputs;
    }

    /**
     * A new task for a miner of this tier and memory, or empty when none fits. {@code challenge} makes it a
     * known-answer challenge.
     */
    public synchronized Optional<IssuedTask> fetch(String gpuTier, long availableMemoryMb, boolean challenge) {
        // the node reads "Hot"/"Warm" and takes anything else as Cold: every tier can run a Cold embedding task
        if (availableMemoryMb < EMBEDDING_MIN_MEMORY_MB) {
            return Optional.empty();
        }
        prune();
        long epoch = mix.unixEpochs() ? epochs.nowMs() / epochs.epochMs() : epochs.current();
        counter++;
        ByteBuffer idData = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(epoch).putLong(counter);
        byte[] taskId = Blake3.hash(idData.array());
        long deadline = epochs.nowMs() + deadlineMs;
        double draw = challenge ? 1.0 : random.nextDouble();
        IssuedTask task;
        if (draw < mix.speechRate()) {
            task = new IssuedTask(taskId, epoch, SPEECH_MODEL, MODEL_VERSION, pcm(random.nextDouble()), deadline,
                    IssuedTask.Kind.SPEECH, "speech_to_text");
        } else if (draw < mix.speechRate() + mix.llmRate()) {
            String prompt = corpus.get(random.nextInt(corpus.size()));
            task = new IssuedTask(taskId, epoch, LLM_MODEL, MODEL_VERSION, prompt.getBytes(StandardCharsets.UTF_8),
                    deadline, IssuedTask.Kind.LLM, "embedding");
        } else {
            IssuedTask.Kind kind;
            String text;
            if (challenge) {
                kind = IssuedTask.Kind.CHALLENGE;
                int idx = (int) (Integer.toUnsignedLong(ByteBuffer.wrap(taskId, 0, 4).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt()) % challengeInputs.size());
                text = challengeInputs.get(idx);
            } else if (random.nextDouble() < syntheticRate) {
                kind = IssuedTask.Kind.SYNTHETIC;
                text = "";
            } else {
                kind = IssuedTask.Kind.CORPUS;
                text = corpus.get(random.nextInt(corpus.size()));
            }
            task = new IssuedTask(taskId, epoch, MODEL_NAME, MODEL_VERSION, text.getBytes(StandardCharsets.UTF_8),
                    deadline, kind);
        }
        if (task.kind().unrunnable()) {
            unrunnableIssued.incrementAndGet();
        }
        issued.put(task.taskIdHex(), task);
        return Optional.of(task);
    }

    /** Half a second of a tone (frequency drawn from {@code f}) as raw f32 little-endian PCM, 16 kHz mono. */
    static byte[] pcm(double f) {
        double hz = 220 + 660 * f;
        ByteBuffer out = ByteBuffer.allocate(SPEECH_SAMPLES * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SPEECH_SAMPLES; i++) {
            out.putFloat((float) (0.25 * Math.sin(2 * Math.PI * hz * i / 16_000.0)));
        }
        return out.array();
    }

    /** How many tasks the miner cannot run (speech, LLM) were handed out. */
    public long unrunnableIssued() {
        return unrunnableIssued.get();
    }

    /** A task this devnet issued (and still remembers: up to 10 minutes past its deadline). */
    public synchronized Optional<IssuedTask> find(byte[] taskId) {
        return Optional.ofNullable(issued.get(Hex.encode(taskId)));
    }

    public synchronized int remembered() {
        return issued.size();
    }

    private void prune() {
        long cutoff = epochs.nowMs() - RETENTION_AFTER_DEADLINE_MS;
        Iterator<IssuedTask> it = issued.values().iterator();
        while (it.hasNext()) {
            IssuedTask t = it.next();
            if (t.deadlineMs() < cutoff || issued.size() > MAX_REMEMBERED) {
                it.remove();
            } else {
                break; // insertion order = deadline order (the deadline offset is fixed)
            }
        }
    }
}
