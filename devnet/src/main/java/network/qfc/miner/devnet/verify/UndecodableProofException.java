package network.qfc.miner.devnet.verify;

/** {@code proofBytes} is not hex or not a Borsh proof: the node answers JSON-RPC error -32000 with this message. */
public final class UndecodableProofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UndecodableProofException(String message) {
        super(message, null, false, false);
    }
}
