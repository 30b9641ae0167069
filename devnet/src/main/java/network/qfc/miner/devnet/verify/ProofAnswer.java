package network.qfc.miner.devnet.verify;

/** The node's {@code RpcProofResult}: {@code {accepted, spotChecked, message}}. */
public record ProofAnswer(boolean accepted, boolean spotChecked, String message) {
}
