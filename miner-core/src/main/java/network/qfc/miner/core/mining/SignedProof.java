package network.qfc.miner.core.mining;

import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.rpc.InferenceTask;

/**
 * A task's signed proof, ready to journal and send: the proof, its exact bytes, the output vector's bytes sent as
 * {@code resultData}, and what the proof feed shows.
 */
public record SignedProof(InferenceTask task, InferenceProof proof, byte[] proofBytes, byte[] resultData,
                          String outputHashHex, long executionTimeMs, long flops, String backend) {
    public SignedProof {
        proofBytes = proofBytes.clone();
        resultData = resultData.clone();
    }

    @Override
    public byte[] proofBytes() {
        return proofBytes.clone();
    }

    @Override
    public byte[] resultData() {
        return resultData.clone();
    }
}
