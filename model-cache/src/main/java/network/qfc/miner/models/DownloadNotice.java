package network.qfc.miner.models;

/** Something a person should know about an install, in words: {@code kind} for a UI, {@code message} for a human. */
public record DownloadNotice(ModelRef model, Kind kind, String message) implements DownloadEvent {
    /** What happened. */
    public enum Kind {
        /** Another process or thread is installing the same model; this one waits for its lock. */
        WAITING_FOR_LOCK,
        /** Someone else finished the install while this one waited. */
        ALREADY_INSTALLED,
        /** A partial file is continued from where it stopped. */
        RESUMING,
        /** A transient failure; the download is tried again after a pause. */
        RETRYING,
        /** One file was downloaded and verified. */
        FILE_DONE,
        /** The hub could not be reached: the model was installed from the bundled copy. */
        SEEDED_OFFLINE,
        /** The model is installed and verified. */
        INSTALLED
    }
}
