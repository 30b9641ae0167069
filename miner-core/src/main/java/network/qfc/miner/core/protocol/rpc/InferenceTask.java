package network.qfc.miner.core.protocol.rpc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ModelId;

/**
 * A task handed out by {@code qfc_getInferenceTask}, validated: {@code taskId} 32 bytes, {@code taskType} the node's
 * name ({@code embedding}, {@code text_generation}, {@code image_classification}, ...), {@code inputData} the raw
 * input (UTF-8 text for embeddings; may be empty; at most {@link #MAX_INPUT_BYTES}), {@code deadlineMs} ms since the
 * Unix epoch. The task id goes into the proof's {@code input_hash}; {@code epoch} is the node's and goes into the proof.
 */
public record InferenceTask(byte[] taskId, long epoch, String taskType, ModelId model, byte[] inputData,
                            long deadlineMs) {
    /** The largest task input a miner accepts: 64 KiB. */
    public static final int MAX_INPUT_BYTES = 64 * 1024;
    /** Deadlines before 2001-09-09 (in ms) look like seconds; after 2286 like nonsense. */
    static final long MIN_DEADLINE_MS = 1_000_000_000_000L;
    static final long MAX_DEADLINE_MS = 10_000_000_000_000L;

    public InferenceTask {
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(model, "model");
        if (taskId == null || taskId.length != 32) {
            throw new IllegalArgumentException("a task id is 32 bytes");
        }
        if (inputData == null || inputData.length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("task input must be at most 64 KiB");
        }
        taskId = taskId.clone();
        inputData = inputData.clone();
    }

    static InferenceTask from(ResultObject o) {
        byte[] id = o.hex("taskId", 32);
        long epoch = o.number("epoch");
        String type = o.text("taskType");
        if (!type.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("'taskType' is not a task type name: \"" + QuantityParser.shorten(type) + "\"");
        }
        ModelId model;
        try {
            model = new ModelId(o.text("modelName"), o.text("modelVersion"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'modelName'/'modelVersion' " + e.getMessage());
        }
        String inputHex = o.text("inputData");
        if (Hex.strip0x(inputHex).length() > 2L * MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("'inputData' is " + (Hex.strip0x(inputHex).length() / 2)
                    + " bytes, more than the " + (MAX_INPUT_BYTES / 1024) + " KiB a miner accepts");
        }
        byte[] input = Hex.decode("'inputData'", inputHex);
        long deadline = o.number("deadline");
        if (deadline < MIN_DEADLINE_MS || deadline > MAX_DEADLINE_MS) {
            throw new IllegalArgumentException("'deadline' " + deadline
                    + " is not a time in milliseconds since the Unix epoch");
        }
        return new InferenceTask(id, epoch, type, model, input, deadline);
    }

    @Override public byte[] taskId() { return taskId.clone(); }
    @Override public byte[] inputData() { return inputData.clone(); }

    /** The task id as 64 lower-case hex digits. */
    public String taskIdHex() {
        return Hex.encode(taskId);
    }

    public boolean isEmbedding() {
        return "embedding".equals(taskType);
    }

    /** The input read as UTF-8 text (what an embedding task embeds). */
    public String inputText() {
        return new String(inputData, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferenceTask t && Arrays.equals(taskId, t.taskId) && epoch == t.epoch
                && taskType.equals(t.taskType) && model.equals(t.model) && Arrays.equals(inputData, t.inputData)
                && deadlineMs == t.deadlineMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(taskId), epoch, taskType, model, Arrays.hashCode(inputData), deadlineMs);
    }

    @Override
    public String toString() {
        return "InferenceTask[" + taskIdHex() + ", epoch=" + epoch + ", " + taskType + " " + model + ", input="
                + inputData.length + " bytes, deadline=" + deadlineMs + "]";
    }
}
