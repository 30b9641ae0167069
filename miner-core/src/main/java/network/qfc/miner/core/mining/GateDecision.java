package network.qfc.miner.core.mining;

import java.time.Duration;
import java.util.Objects;

/** What a {@link MiningGate} allows before the next fetch: run, run after a delay, or pause with a reason. */
public sealed interface GateDecision {

    /** Fetch the next task now. */
    record Run() implements GateDecision {
    }

    /** Fetch, but wait {@code delay} first (duty cycling); {@code reason} is shown to the user. */
    record Throttle(Duration delay, String reason) implements GateDecision {
        public Throttle {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }
    }

    /** Do not fetch; ask again later. {@code reason} is shown to the user ("on battery", "jailed until 14:05"). */
    record Pause(String reason) implements GateDecision {
        public Pause {
            Objects.requireNonNull(reason, "reason");
        }
    }

    GateDecision RUN = new Run();
}
