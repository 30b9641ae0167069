package network.qfc.miner.core.governor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Idle time that cannot be read here, and why (the governor then falls back to the CPU-load rule). */
record UnavailableIdleTime(String why) implements IdleTimeSource {

    /** The prefix of every description of an unavailable source. */
    static final String UNAVAILABLE = "idle detection unavailable";

    UnavailableIdleTime {
        Objects.requireNonNull(why, "why");
    }

    @Override
    public Optional<Duration> idleTime() {
        return Optional.empty();
    }

    @Override
    public String description() {
        return UNAVAILABLE + ": " + why;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }
}
