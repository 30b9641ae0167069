package network.qfc.miner.core.mining;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import network.qfc.miner.core.protocol.rpc.NodeTimeListener;

/**
 * The skew between this computer's clock and the node's, estimated from the HTTP {@code Date} header of every
 * JSON-RPC answer (qfc-core offers no better time: {@code qfc_getEpoch}'s start time moves in 10 s steps). A header
 * says the node's clock read [d, d + 1 s) at some moment between sending the request and receiving the answer, so
 * each answer bounds the skew (node minus local) to (d - received, d + 1 s - sent); the bounds of successive answers
 * are intersected, which narrows the estimate well below a second. An answer outside the bounds means one of the
 * clocks was set meanwhile: the estimate starts again from it.
 *
 * <p>{@link #clock()} is this computer's clock corrected by the estimate (uncorrected until the first answer): the
 * time proofs are stamped with. A skew over {@value #WARN_SECONDS} s is said plainly ({@link #warning()}), since a C
 * node refuses a proof stamped over 120 s old or 10 s ahead of its clock. Thread-safe.
 */
public final class NodeClock implements NodeTimeListener {
    /** Above this skew, the user is told. */
    public static final int WARN_SECONDS = 5;
    /**
     * Below this skew (ms) nothing is corrected: the {@code Date} header's one-second resolution makes a smaller
     * estimate noise, and correcting by noise would move deadlines the wrong way.
     */
    static final long CORRECT_FROM_MS = 2_000;

    private final Clock local;
    private final Consumer<NodeClock> changed;
    private long low;
    private long high;
    private boolean known;
    private long shownSeconds = Long.MIN_VALUE;

    /**
     * @param local   this computer's clock (the one OkHttp stamps requests with)
     * @param changed told when the estimate first became known, moved by 2 s or more, or crossed the warning line
     */
    public NodeClock(Clock local, Consumer<NodeClock> changed) {
        this.local = Objects.requireNonNull(local, "local");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * A node clock that puts its estimate in the snapshot ({@code node.clockSkewMs}, {@code node.clockWarning}) and
     * publishes a {@code ClockSkew} event when it changes.
     */
    public static NodeClock publishingTo(network.qfc.miner.core.events.MinerFeed feed) {
        return new NodeClock(feed.clock(), c -> {
            long ms = c.skew().map(Duration::toMillis).orElse(0L);
            String warning = c.warning().orElse("");
            feed.update(s -> s.withNode(s.node().clock(ms, warning)));
            feed.publish(new network.qfc.miner.core.events.MinerEvent.ClockSkew(feed.now(), ms, warning));
        });
    }

    @Override
    public void onNodeTime(long sentAtMs, long receivedAtMs, Instant nodeDate) {
        long d = nodeDate.toEpochMilli();
        long lo = d - Math.max(sentAtMs, receivedAtMs);
        long hi = d + 1000 - Math.min(sentAtMs, receivedAtMs);
        boolean tell;
        synchronized (this) {
            if (!known || lo >= high || hi <= low) {
                low = lo;
                high = hi;
                known = true;
            } else {
                low = Math.max(low, lo);
                high = Math.min(high, hi);
            }
            long seconds = Math.round(skewMillis() / 1000.0);
            tell = shownSeconds == Long.MIN_VALUE || Math.abs(seconds - shownSeconds) >= 2
                    || (Math.abs(seconds) > WARN_SECONDS) != (Math.abs(shownSeconds) > WARN_SECONDS);
            if (tell) {
                shownSeconds = seconds;
            }
        }
        if (tell) {
            changed.accept(this);
        }
    }

    private long skewMillis() {
        return low + (high - low) / 2;
    }

    /** Node time minus this computer's time; empty until the node's first answer with a {@code Date} header. */
    public synchronized Optional<Duration> skew() {
        return known ? Optional.of(Duration.ofMillis(skewMillis())) : Optional.empty();
    }

    /** What is added to this computer's clock to read the node's: the skew, once known and over 2 s; else zero. */
    public Duration correction() {
        Duration s = skew().orElse(Duration.ZERO);
        return Math.abs(s.toMillis()) < CORRECT_FROM_MS ? Duration.ZERO : s;
    }

    /** The node's time now, as this computer estimates it (this computer's time while the skew is unknown or small). */
    public Instant nodeNow() {
        return local.instant().plus(correction());
    }

    /**
     * A time the node gave (a task's deadline, ms) on this computer's clock, so that deadlines are compared with the
     * clock the miner keeps time by (unchanged while the skew is unknown or under 2 s).
     */
    public long toLocalMillis(long nodeMs) {
        return nodeMs - correction().toMillis();
    }

    /** A clock that reads {@link #nodeNow()}. */
    public Clock clock() {
        return new Corrected();
    }

    /**
     * What to tell the user when the skew is over {@value #WARN_SECONDS} s, e.g. "your clock is 42 s behind the
     * node's: proofs would be refused; turn on automatic time (meanwhile proofs are stamped with the node's time)";
     * empty otherwise.
     */
    public Optional<String> warning() {
        return skew().flatMap(NodeClock::warningFor);
    }

    static Optional<String> warningFor(Duration skew) {
        long s = Math.round(skew.toMillis() / 1000.0);
        if (Math.abs(s) <= WARN_SECONDS) {
            return Optional.empty();
        }
        return Optional.of("your clock is " + Math.abs(s) + " s " + (s > 0 ? "behind" : "ahead of")
                + " the node's: proofs would be refused; turn on automatic time (meanwhile this miner stamps its proofs"
                + " with the node's time)");
    }

    private final class Corrected extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return nodeNow();
        }
    }
}
