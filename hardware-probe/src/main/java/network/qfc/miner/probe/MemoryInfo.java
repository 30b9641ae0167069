package network.qfc.miner.probe;

/**
 * Main memory.
 *
 * @param totalBytes     physical memory installed (as the OS exposes it)
 * @param availableBytes memory available to new work right now
 */
public record MemoryInfo(long totalBytes, long availableBytes) {

    private static final long MIB = 1024L * 1024L;

    /** Total memory in MB (MiB, as the node's tier thresholds count). */
    public long totalMb() {
        return totalBytes / MIB;
    }

    /** Available memory in MB (MiB). */
    public long availableMb() {
        return availableBytes / MIB;
    }
}
