package network.qfc.miner.models;

/**
 * Receives the events of an install, on the download thread: implementations must be quick and thread-safe
 * (a UI hands them to its own thread). Progress comes at most every ~250 ms per file, plus the last one.
 */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = e -> { };

    void onEvent(DownloadEvent event);
}
