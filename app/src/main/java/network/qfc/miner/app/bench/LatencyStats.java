package network.qfc.miner.app.bench;

import java.util.Arrays;

/** Latency percentiles (nearest rank) of a run, in milliseconds. */
public record LatencyStats(int count, double p50, double p90, double p99, double mean) {
    static LatencyStats of(long[] nanos, int count) {
        if (count == 0) {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new LatencyStats(count, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sum / count / 1e6);
    }

    private static double rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
