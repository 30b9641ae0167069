package network.qfc.miner.core.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the miner's parts report: the event bus, the live snapshot and the clock they stamp both with. One per
 * runtime; thread-safe.
 */
public final class MinerFeed {
    private final EventBus bus;
    private final LiveSnapshot snapshot;
    private final Clock clock;

    public MinerFeed(EventBus bus, LiveSnapshot snapshot, Clock clock) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void publish(MinerEvent e) {
        bus.publish(e);
    }

    /** Changes the snapshot atomically. */
    public MinerSnapshot update(UnaryOperator<MinerSnapshot> change) {
        return snapshot.update(change);
    }

    public MinerSnapshot snapshot() {
        return snapshot.get();
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public EventBus bus() {
        return bus;
    }
}
