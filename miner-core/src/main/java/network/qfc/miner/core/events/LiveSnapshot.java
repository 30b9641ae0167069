package network.qfc.miner.core.events;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The current {@link MinerSnapshot}, replaced atomically: writers apply a pure function, readers get a complete value.
 * Thread-safe; never blocks.
 */
public final class LiveSnapshot {
    private final AtomicReference<MinerSnapshot> current;
    private final Clock clock;

    public LiveSnapshot(MinerSnapshot initial, Clock clock) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The snapshot as it is now. */
    public MinerSnapshot get() {
        return current.get();
    }

    /** Applies {@code change} atomically (retrying on contention, so it must be pure) and returns the new value. */
    public MinerSnapshot update(UnaryOperator<MinerSnapshot> change) {
        return current.updateAndGet(s -> change.apply(s).at(clock.instant()));
    }
}
