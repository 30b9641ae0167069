package network.qfc.miner.models;

/** What an install reports while it runs: progress of a file, or a notice (waiting, retrying, seeded offline...). */
public sealed interface DownloadEvent permits DownloadProgress, DownloadNotice {
    ModelRef model();
}
