package network.qfc.miner.core.journal;

/**
 * Everything the journal knows about one task, for the proof feed and for inspection. Fields of steps the task has
 * not reached are {@code null} (objects) or 0 (attempts).
 *
 * @param task          the task as fetched
 * @param state         where it stands now
 * @param outputHash    BLAKE3 of the output bytes, 64 hex (from INFERRED on)
 * @param executionMs   inference time (from INFERRED on)
 * @param backend       e.g. {@code CPU} (from INFERRED on)
 * @param flops         the FLOPs estimate sent with the proof (from INFERRED on)
 * @param proofBytes    the signed Borsh proof (from SIGNED on; dropped two days after the task settled)
 * @param resultData    the output bytes sent beside the proof, if any (same retention as the proof bytes)
 * @param attempts      sends begun
 * @param accepted      the node's verdict (ANSWERED only)
 * @param spotChecked   whether the node re-executed the task (ANSWERED only)
 * @param nodeMessage   the node's message (ANSWERED only)
 * @param failureReason why the task failed (FAILED only)
 * @param settledAtMs   when it was answered, expired or failed
 */
public record JournalEntry(TaskRecord task, TaskState state, String outputHash, Long executionMs, String backend,
                           Long flops, byte[] proofBytes, byte[] resultData, long attempts, Boolean accepted,
                           Boolean spotChecked, String nodeMessage, String failureReason, Long settledAtMs) {
    public JournalEntry {
        proofBytes = proofBytes == null ? null : proofBytes.clone();
        resultData = resultData == null ? null : resultData.clone();
    }

    public String taskId() {
        return task.taskId();
    }

    /** True once the node answered (whatever the verdict). */
    public boolean isAnswered() {
        return state == TaskState.ANSWERED;
    }

    @Override
    public byte[] proofBytes() {
        return proofBytes == null ? null : proofBytes.clone();
    }

    @Override
    public byte[] resultData() {
        return resultData == null ? null : resultData.clone();
    }
}
