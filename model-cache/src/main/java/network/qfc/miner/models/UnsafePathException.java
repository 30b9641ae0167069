package network.qfc.miner.models;

/** A name from the registry or the network that would put a file outside its model folder. */
public final class UnsafePathException extends ModelCacheException {
    public UnsafePathException(String message) {
        super(message);
    }
}
