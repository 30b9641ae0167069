package network.qfc.miner.core.mining;

import java.time.Duration;

/**
 * How long to wait when the node has no task: 1 s, then doubling up to 10 s (the reference miner's fixed period);
 * back to 1 s as soon as a task arrives. Not thread-safe: owned by the loop thread.
 */
public final class NoTaskBackoff {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration CAP = Duration.ofSeconds(10);

    private final Duration first;
    private final Duration cap;
    private Duration next;

    public NoTaskBackoff() {
        this(FIRST, CAP);
    }

    public NoTaskBackoff(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= cap");
        }
        this.first = first;
        this.cap = cap;
        this.next = first;
    }

    /** The wait for this empty answer; the one after it is twice as long, up to the cap. */
    public Duration nextDelay() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        return d;
    }

    /** A task arrived: the next empty answer waits {@code first} again. */
    public void reset() {
        next = first;
    }
}
