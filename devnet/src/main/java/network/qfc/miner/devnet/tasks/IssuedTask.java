package network.qfc.miner.devnet.tasks;

import java.util.Arrays;
import network.qfc.miner.core.protocol.Hex;

/**
 * A task the devnet handed to a miner: what it must embed, with which model, by when.
 *
 * @param taskId     32 bytes, BLAKE3(epoch LE u64 || counter LE u64) like the node's
 * @param input      raw input bytes (UTF-8 text; empty for the node's synthetic tasks)
 * @param deadlineMs ms since the Unix epoch
 * @param kind       ordinary corpus text, the node's empty synthetic input, or a known-answer challenge
 */
public record IssuedTask(byte[] taskId, long epoch, String modelName, String modelVersion, byte[] input, long deadlineMs,
        Kind kind) {

    /** Where a task's input came from. */
    public enum Kind { CORPUS, SYNTHETIC, CHALLENGE }

    public IssuedTask {
        taskId = taskId.clone();
        input = input.clone();
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

    /** The node's task type name. */
    public String taskType() {
        return "embedding";
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
                + input.length + " bytes, " + kind + "]";
    }
}
