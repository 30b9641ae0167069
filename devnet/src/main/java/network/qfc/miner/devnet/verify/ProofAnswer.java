package network.qfc.miner.devnet.verify;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The node's {@code RpcProofResult}: {@code {accepted, spotChecked, message}}, plus the newest nodes'
 * {@code rewardEstimate} (wei) on an accepted proof.
 */
public record ProofAnswer(boolean accepted, boolean spotChecked, String message, Optional<BigInteger> rewardEstimateWei) {

    public ProofAnswer(boolean accepted, boolean spotChecked, String message) {
        this(accepted, spotChecked, message, Optional.empty());
    }
}
