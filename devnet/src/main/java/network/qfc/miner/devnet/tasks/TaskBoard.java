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
 */
public final class TaskBoard {
    public static final String MODEL_NAME = "qfc-embed-small";
    public static final String MODEL_VERSION = "v1.0";
    /** The node's memory requirement for an embedding task. */
    public static final long EMBEDDING_MIN_MEMORY_MB = 1024;
    private static final long RETENTION_AFTER_DEADLINE_MS = 10 * 60_000L;
    private static final int MAX_REMEMBERED = 200_000;
    private static final int CHALLENGE_INPUTS = 8;

    private final TaskCorpus corpus;
    private final EpochClock epochs;
    private final double syntheticRate;
    private final long deadlineMs;
    private final List<String> challengeInputs;
    private final Map<String, IssuedTask> issued = new LinkedHashMap<>();
    private final SplittableRandom random;
    private long counter;

    public TaskBoard(TaskCorpus corpus, EpochClock epochs, double syntheticRate, long deadlineMs, long seed) {
        this.corpus = corpus;
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
        long epoch = epochs.current();
        counter++;
        ByteBuffer idData = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(epoch).putLong(counter);
        byte[] taskId = Blake3.hash(idData.array());
        IssuedTask.Kind kind;
        String text;
        if (challenge) {
            kind = IssuedTask.Kind.CHALLENGE;
            int idx = (int) (Integer.toUnsignedLong(ByteBuffer.wrap(taskId, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                    % challengeInputs.size());
            text = challengeInputs.get(idx);
        } else if (random.nextDouble() < syntheticRate) {
            kind = IssuedTask.Kind.SYNTHETIC;
            text = "";
        } else {
            kind = IssuedTask.Kind.CORPUS;
            text = corpus.get(random.nextInt(corpus.size()));
        }
        IssuedTask task = new IssuedTask(taskId, epoch, MODEL_NAME, MODEL_VERSION, text.getBytes(StandardCharsets.UTF_8),
                epochs.nowMs() + deadlineMs, kind);
        issued.put(task.taskIdHex(), task);
        return Optional.of(task);
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
