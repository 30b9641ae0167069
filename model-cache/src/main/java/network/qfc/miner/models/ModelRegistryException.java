package network.qfc.miner.models;

/** A registry that cannot be read, or a model name it does not know. */
public final class ModelRegistryException extends ModelCacheException {
    public ModelRegistryException(String message) {
        super(message);
    }

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
