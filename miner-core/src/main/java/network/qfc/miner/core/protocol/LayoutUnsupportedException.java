package network.qfc.miner.core.protocol;

/** A proof field that the chosen {@link ProofLayout} cannot carry (ROCm in layout A, a speech task in layout A). */
public class LayoutUnsupportedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LayoutUnsupportedException(String message) {
        super(message);
    }
}
