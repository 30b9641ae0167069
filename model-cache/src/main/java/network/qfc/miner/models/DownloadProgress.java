package network.qfc.miner.models;

import java.time.Duration;

/**
 * Progress of one file: bytes present so far (including a resumed part), the total ({@code -1} when unknown), the
 * current rate and the estimated time left ({@code null} when unknown).
 */
public record DownloadProgress(ModelRef model, String file, long bytes, long total, double bytesPerSecond, Duration eta)
        implements DownloadEvent {

    /** Fraction done in 0..1, or {@code -1} when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) bytes / total) : -1;
    }
}
