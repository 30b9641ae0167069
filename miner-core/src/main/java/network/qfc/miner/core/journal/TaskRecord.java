package network.qfc.miner.core.journal;

import java.util.Objects;

/**
 * A task as the node handed it out, the first row the journal writes for it (state FETCHED).
 *
 * @param taskId       64 hex digits (an optional {@code 0x} is dropped, upper case is lowered)
 * @param epoch        the task's epoch as the node numbered it
 * @param modelName    e.g. {@code qfc-embed-small}
 * @param modelVersion e.g. {@code v1.0}
 * @param taskType     e.g. {@code embedding}
 * @param inputSize    size of the task's input in bytes (the input itself is not journaled)
 * @param deadlineMs   the node's deadline, milliseconds since the Unix epoch
 * @param fetchedAtMs  when the miner received the task, milliseconds since the Unix epoch
 */
public record TaskRecord(String taskId, long epoch, String modelName, String modelVersion, String taskType,
                         long inputSize, long deadlineMs, long fetchedAtMs) {
    public TaskRecord {
        taskId = TaskIds.normalize(taskId);
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(taskType, "taskType");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative: " + epoch);
        }
        if (inputSize < 0) {
            throw new IllegalArgumentException("inputSize must not be negative: " + inputSize);
        }
    }

    /** {@code name@version}, the way the proof feed shows the model. */
    public String model() {
        return modelName + "@" + modelVersion;
    }
}
