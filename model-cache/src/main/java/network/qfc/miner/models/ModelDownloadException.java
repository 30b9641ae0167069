package network.qfc.miner.models;

/** A download that failed (HTTP error, stalled connection, too many retries). {@code httpStatus} is 0 when no answer came. */
public class ModelDownloadException extends ModelCacheException {
    private final int httpStatus;

    public ModelDownloadException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
