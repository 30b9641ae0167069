package network.qfc.miner.core.inference;

/** Inference could not run; the message says what went wrong and what to do. */
public class InferenceException extends RuntimeException {
    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
