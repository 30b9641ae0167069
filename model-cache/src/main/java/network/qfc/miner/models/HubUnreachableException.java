package network.qfc.miner.models;

/** The hub could not be reached at all (no connection, unknown host): the case where the offline seed steps in. */
public final class HubUnreachableException extends ModelDownloadException {
    public HubUnreachableException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
