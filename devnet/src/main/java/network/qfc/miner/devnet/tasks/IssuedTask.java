package network.qfc.miner.devnet.tasks;

import java.util.Arrays;
import network.qfc.miner.core.protocol.Hex;

/**
 * A task the devnet handed to a miner: what it must embed, with which model, by when.
 *
 * @param taskId     32 bytes, BLAKE3(epoch LE u64 || counter LE u64) like the node's
 * @param input      raw input bytes (UTF-8 text; empty for the node's synthetic tasks)
 * @param deadlineMs ms since the Unix epoch
 * @param kind       ordinary corpus text, the node's empty synthetic input, a known-answer challenge, or a task this
 *                   project's miner cannot run (speech to text; an "embedding" task whose model is an LLM)
 * @param taskType   the node's task type name: {@code embedding} or {@code speech_to_text}
 */
public record IssuedTask(byte[] taskId, long epoch, String modelName, String modelVersion, byte[] input, long deadlineMs,
        Kind kind, String taskType) {

    /** Where a task's input came from. */
    public enum Kind {
        CORPUS, SYNTHETIC, CHALLENGE, SPEECH, LLM;

        /** True for the kinds an embedding miner cannot run (and must skip). */
        public boolean unrunnable() {
            return this == SPEECH || this == LLM;
        }
    }

    public IssuedTask {
        taskId = taskId.clone();
        input = input.clone();
    }

    /** An embedding task. */
    public IssuedTask(byte[] taskId, long epoch, String modelName, String modelVersion, byte[] input, long deadlineMs,
            Kind kind) {
        this(taskId, epoch, modelName, modelVersion, input, deadlineMs, kind, "embedding");
    }

    @Override
    public byte[] taskId() {
        return taskId.clone();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    public String taskIdHex() {
        return Hex.encode(taskId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuedTask t && Arrays.equals(taskId, t.taskId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(taskId);
    }

    @Override
    public String toString() {
        return "IssuedTask[" + taskIdHex() + ", epoch " + epoch + ", " + modelName + "@" + modelVersion + ", "
                + input.length + " bytes, " + kind + ", " + taskType + "]";
    }
}
