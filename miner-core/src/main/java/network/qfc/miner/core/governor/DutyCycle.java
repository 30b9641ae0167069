package network.qfc.miner.core.governor;

import java.time.Duration;

/**
 * The arithmetic of the CPU cap: fewer intra-op threads first, then a pause between tasks in proportion.
 *
 * <p>Running one task keeps {@code T} threads busy for {@code B}; on {@code N} logical cores that is a share
 * {@code u = T/N} of the machine while busy. Sleeping {@code S} after each task gives a duty cycle
 * {@code B / (B + S)} and an average share {@code u * B / (B + S)}. Holding that at the cap {@code C} gives
 * <pre>   S = B * (u / C - 1)   (only when positive; else no pause)</pre>
 * With {@code T = max(1, floor(N * C))} threads, {@code u <= C} whenever {@code N * C >= 1}, so the pause is only
 * needed when one thread is already more than the cap (e.g. 2 cores at 10 %: {@code S = 4 B}).
 *
 * <p>Measured, not assumed: the real busy share is more than {@code T/N} (tokenizing, the JVM, ONNX Runtime's own
 * threads). Given the process's measured load {@code p} over a period run at a known duty cycle, the busy share is
 * {@code p * (B + S) / B}; the governor uses the larger of that and {@code T/N} as {@code u}.
 */
public final class DutyCycle {

    private DutyCycle() {
    }

    /** Intra-op threads for a cap: {@code max(1, floor(N * C))}, at most {@code N}. */
    public static int threads(int logicalCores, double cap) {
        requireCap(cap);
        if (logicalCores < 1) {
            throw new IllegalArgumentException("logical cores must be at least 1, got " + logicalCores);
        }
        // the epsilon keeps 0.3 * 10 = 2.9999999999999996 at 3 threads
        return Math.max(1, Math.min(logicalCores, (int) Math.floor(logicalCores * cap + 1e-9)));
    }

    /**
     * The pause after each task: {@code S = B * (u / C - 1)} when positive, else zero.
     *
     * @param busy       measured busy time of one task, {@code B}
     * @param busyShare  the machine share while busy, {@code u} (at least {@code T/N}), 0..1
     * @param cap        the cap {@code C}, 0 < C <= 1
     */
    public static Duration pauseBetweenTasks(Duration busy, double busyShare, double cap) {
        requireCap(cap);
        if (busy.isNegative() || !(busyShare >= 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("busy time must not be negative and the busy share must be 0..1");
        }
        double factor = busyShare / cap - 1;
        if (factor <= 1e-9) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(busy.toNanos() * factor));
    }

    /** The formula with {@code u = T/N}: {@code S = B * (T / N / C - 1)}. */
    public static Duration pauseBetweenTasks(Duration busy, int threads, int logicalCores, double cap) {
        return pauseBetweenTasks(busy, Math.min(1.0, (double) threads / logicalCores), cap);
    }

    /**
     * The busy share measured: the process load {@code p} over a period run with tasks of {@code busy} and pauses of
     * {@code pause} is {@code u * B / (B + S)}, so {@code u = p * (B + S) / B} (capped at 1). A miner that also waited
     * for tasks looks less busy than it is; callers take the larger of this and {@code T/N}.
     */
    public static double measuredBusyShare(double processLoad, Duration busy, Duration pause) {
        if (busy.isZero() || busy.isNegative()) {
            return processLoad;
        }
        double cycle = busy.toNanos() + (double) pause.toNanos();
        return Math.min(1.0, processLoad * cycle / busy.toNanos());
    }

    private static void requireCap(double cap) {
        if (!(cap > 0 && cap <= 1)) {
            throw new IllegalArgumentException("the cap must be above 0 and at most 1, got " + cap);
        }
    }
}
