package network.qfc.miner.core.protocol.rpc;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code qfc_submitInferenceProof}'s answer. A refusal that is not an error comes as {@code accepted=false} with a
 * message (e.g. "Proof rejected: spot-check failed (output hash mismatch)"). v2.2 may add a reward estimate in wei.
 */
public record ProofResult(boolean accepted, boolean spotChecked, String message, Optional<BigInteger> rewardEstimateWei) {
    public ProofResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rewardEstimateWei, "rewardEstimateWei");
    }

    static ProofResult from(ResultObject o) {
        return new ProofResult(o.bool("accepted"), o.has("spotChecked") && o.bool("spotChecked"),
                o.text("message", ""), Optional.ofNullable(o.quantity("rewardEstimate", null)));
    }
}
