package network.qfc.miner.devnet.verify;

import java.util.Optional;

/**
 * A {@code qfc_submitInferenceProof} request as the node types it. Only {@code proofBytes} (and {@code resultData} for
 * the tolerant rule) count: the node does not compare the other fields with the proof.
 */
public record ProofSubmission(String minerAddress, String taskId, long epoch, String outputHash, long executionTimeMs,
        long flopsEstimated, String backend, String proofBytes, Optional<String> resultData) {
}
