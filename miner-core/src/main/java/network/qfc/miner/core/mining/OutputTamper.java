package network.qfc.miner.core.mining;

/**
 * Fault injection for tests only: changes the output bytes before they are hashed and signed, so a proof lies about
 * the computation and the node's spot check must catch it. The production miner uses {@link #NONE}.
 */
@FunctionalInterface
public interface OutputTamper {
    OutputTamper NONE = bytes -> bytes;

    /** Flips the lowest bit of the first float: a wrong vector, off by one ulp. */
    OutputTamper FLIP_FIRST_BIT = bytes -> {
        byte[] b = bytes.clone();
        if (b.length > 0) {
            b[0] ^= 1;
        }
        return b;
    };

    byte[] apply(byte[] outputBytes);
}
