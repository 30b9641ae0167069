package network.qfc.miner.devnet.chain;

import java.time.Clock;

/**
 * The devnet's epochs: numbered from 1 at the node's genesis (its start), each {@code epochMs} long, read from the
 * devnet's clock. A miner never computes an epoch itself: it uses the task's.
 */
public final class EpochClock {
    private final Clock clock;
    private final long epochMs;
    private final long genesisMs;

    public EpochClock(Clock clock, long epochMs) {
        this.clock = clock;
        this.epochMs = epochMs;
        this.genesisMs = clock.millis();
    }

    public long nowMs() {
        return clock.millis();
    }

    /** The current epoch number (1 during the first {@code epochMs} after genesis). */
    public long current() {
        return 1 + Math.max(0, clock.millis() - genesisMs) / epochMs;
    }

    /** When epoch {@code number} began, in ms since the Unix epoch. */
    public long startTimeMs(long number) {
        return genesisMs + (number - 1) * epochMs;
    }

    public long epochMs() {
        return epochMs;
    }
}
