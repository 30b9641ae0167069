package network.qfc.miner.core.protocol;

/** Bytes that are not a valid Borsh encoding of what was expected: truncated, trailing, unknown tag, bad UTF-8. */
public class ProofFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProofFormatException(String message) {
        super(message);
    }
}
