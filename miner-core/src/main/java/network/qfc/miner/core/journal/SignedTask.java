package network.qfc.miner.core.journal;

import java.util.Objects;

/**
 * A task with its inference result and signed proof, ready to be journaled in one step (FETCHED, INFERRED and SIGNED
 * in a single transaction) by {@link ProofJournal#recordSignedTasks(java.util.List)}.
 *
 * @param task          the task as the node handed it out
 * @param outputHash    64 hex digits
 * @param executionMs   inference time
 * @param backend       the backend that really ran
 * @param flops         the proof's FLOPs figure
 * @param inferredAtMs  when the inference finished
 * @param proofBytes    the exact Borsh bytes that will be sent
 * @param resultData    the output vector's bytes sent beside the proof (may be null)
 * @param layout        the proof layout the bytes are in ({@code A}, {@code B} or {@code C})
 */
public record SignedTask(TaskRecord task, String outputHash, long executionMs, String backend, long flops,
                         long inferredAtMs, byte[] proofBytes, byte[] resultData, String layout) {
    /** A layout-A proof (v2.0), as every proof was before node generations. */
    public SignedTask(TaskRecord task, String outputHash, long executionMs, String backend, long flops,
                      long inferredAtMs, byte[] proofBytes, byte[] resultData) {
        this(task, outputHash, executionMs, backend, flops, inferredAtMs, proofBytes, resultData, "A");
    }

    public SignedTask {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(task, "task");
        outputHash = TaskIds.hex32("output hash", outputHash);
        Objects.requireNonNull(backend, "backend");
        if (executionMs < 0 || flops < 0) {
            throw new IllegalArgumentException("executionMs and flops must not be negative");
        }
        if (proofBytes == null || proofBytes.length == 0) {
            throw new IllegalArgumentException("proofBytes are missing for task " + task.taskId());
        }
        proofBytes = proofBytes.clone();
        resultData = resultData == null ? null : resultData.clone();
    }

    @Override
    public byte[] proofBytes() {
        return proofBytes.clone();
    }

    @Override
    public byte[] resultData() {
        return resultData == null ? null : resultData.clone();
    }
}
