package network.qfc.miner.core.runtime;

/** The miner could not start; the message says why and what to do, in one line. */
public final class MinerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MinerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
