package network.qfc.miner.core.governor;

import java.time.Instant;
import java.util.Objects;

/** A pause the user asked for from the app or the tray: none, until a moment, or until resumed by hand. */
public sealed interface ManualPause {

    /** No manual pause. */
    ManualPause NONE = new None();

    /** Paused until the user resumes. */
    ManualPause UNTIL_RESUMED = new UntilResumed();

    /** Paused until {@code instant} (e.g. "pause for 1 h"); mining resumes by itself then. */
    static ManualPause until(Instant instant) {
        return new Until(instant);
    }

    /** Whether this pause holds at {@code now}. */
    boolean activeAt(Instant now);

    /** No manual pause. */
    record None() implements ManualPause {
        @Override
        public boolean activeAt(Instant now) {
            return false;
        }
    }

    /** Paused until the user resumes. */
    record UntilResumed() implements ManualPause {
        @Override
        public boolean activeAt(Instant now) {
            return true;
        }
    }

    /** Paused until {@code end}. */
    record Until(Instant end) implements ManualPause {
        public Until {
            Objects.requireNonNull(end, "end");
        }

        @Override
        public boolean activeAt(Instant now) {
            return now.isBefore(end);
        }
    }
}
