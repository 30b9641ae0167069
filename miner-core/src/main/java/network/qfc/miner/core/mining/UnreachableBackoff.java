package network.qfc.miner.core.mining;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait when the node does not answer: exponential (1 s, 2 s, 4 s ...) capped at 60 s, with "equal
 * jitter" (a random point in the upper half of the step), so many rigs that lost the same node do not return in
 * lock step. Not thread-safe: each caller owns one.
 */
public final class UnreachableBackoff {
    public static final Duration BASE = Duration.ofSeconds(1);
    public static final Duration CAP = Duration.ofSeconds(60);

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public UnreachableBackoff(Duration base, Duration cap, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public UnreachableBackoff(DoubleSupplier random) {
        this(BASE, CAP, random);
    }

    /** The ceiling of the wait after {@code n} consecutive failures (n >= 1): min(cap, base * 2^(n-1)). */
    public Duration ceiling(int n) {
        int shift = Math.min(Math.max(n - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return ms <= 0 || ms > cap.toMillis() ? cap : Duration.ofMillis(ms);
    }

    /** Records one more failure and returns how long to wait: in [ceiling/2, ceiling]. */
    public Duration nextDelay() {
        failures++;
        long c = ceiling(failures).toMillis();
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(c / 2 + Math.round(r * (c - c / 2)));
    }

    /** Consecutive failures so far (0 after {@link #reset()}). */
    public int failures() {
        return failures;
    }

    /** The node answered: start again from {@code base}. */
    public void reset() {
        failures = 0;
    }
}
