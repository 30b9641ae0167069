package network.qfc.miner.core.journal;

/**
 * A signed proof the node has not answered yet and whose deadline has not passed: what the miner resends, with
 * exactly the bytes it signed before (never re-signed, so a resend can never become a second, different proof).
 *
 * @param resultData the output vector's bytes, or {@code null} when none was journaled
 * @param attempts   how many sends were begun so far (0 when the miner stopped between signing and the first send)
 * @param layout     the proof layout the bytes are in ({@code A}, {@code B} or {@code C}; {@code A} for rows journaled
 *                   before layouts were recorded)
 */
public record PendingProof(String taskId, long epoch, String modelName, String modelVersion, String taskType,
                           String outputHash, long executionMs, String backend, long flops, long deadlineMs,
                           byte[] proofBytes, byte[] resultData, long attempts, String layout) {
    public PendingProof {
        layout = layout == null ? "A" : layout;
        proofBytes = proofBytes.clone();
        resultData = resultData == null ? null : resultData.clone();
    }

    /** A copy of the signed proof bytes. */
    @Override
    public byte[] proofBytes() {
        return proofBytes.clone();
    }

    /** A copy of the result bytes, or {@code null}. */
    @Override
    public byte[] resultData() {
        return resultData == null ? null : resultData.clone();
    }
}
