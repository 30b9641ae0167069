package network.qfc.miner.models;

/** Something the model cache could not do; the message says what and what to do next. Subclasses name the cause. */
public class ModelCacheException extends RuntimeException {
    public ModelCacheException(String message) {
        super(message);
    }

    public ModelCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
