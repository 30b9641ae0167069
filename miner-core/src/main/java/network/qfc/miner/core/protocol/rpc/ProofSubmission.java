package network.qfc.miner.core.protocol.rpc;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import network.qfc.miner.core.protocol.InferenceProof;

/**
 * {@code qfc_submitInferenceProof}'s request: a signed proof and optionally the output bytes ({@code resultData},
 * returned to a paying submitter). The JSON fields {@code minerAddress}, {@code taskId}, {@code epoch},
 * {@code outputHash}, ... are all taken from the proof, so they always agree with it.
 */
public record ProofSubmission(InferenceProof proof, byte[] resultData) {
    public ProofSubmission {
        Objects.requireNonNull(proof, "proof");
        resultData = resultData == null ? null : resultData.clone();
    }

    /** A submission without result data. */
    public ProofSubmission(InferenceProof proof) {
        this(proof, null);
    }

    @Override
    public byte[] resultData() {
        return resultData == null ? null : resultData.clone();
    }

    public Optional<byte[]> optionalResultData() {
        return Optional.ofNullable(resultData());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProofSubmission s && proof.equals(s.proof) && Arrays.equals(resultData, s.resultData);
    }

    @Override
    public int hashCode() {
        return 31 * proof.hashCode() + Arrays.hashCode(resultData);
    }

    @Override
    public String toString() {
        return "ProofSubmission[" + proof + ", resultData=" + (resultData == null ? "none" : resultData.length + " bytes") + "]";
    }
}
