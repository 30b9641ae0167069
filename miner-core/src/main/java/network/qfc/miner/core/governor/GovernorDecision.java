package network.qfc.miner.core.governor;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the governor decided at one moment, and why, in words a person reads (app, tray tooltip, headless status
 * line). The mining loop maps it onto its gate: {@link Action#RUN} fetch now; {@link Action#THROTTLE} fetch after
 * {@link #pauseBetweenTasks()} and run inference on {@link #threads()} intra-op threads; {@link Action#PAUSE} fetch
 * nothing (a task already running finishes and is submitted).
 *
 * @param action            run, throttle or pause
 * @param cause             which rule decided (for grouping events; {@link Cause#NONE} when running free)
 * @param reason            the human reason, e.g. "paused: on battery power"
 * @param notes             what the user should also know, e.g. "idle detection unavailable: using the CPU-load rule"
 * @param threads           intra-op threads inference should use, 1..logical cores
 * @param pauseBetweenTasks sleep before fetching the next task (duty cycling); zero unless throttled
 * @param at                when this was decided
 * @param since             since when this action and cause have held (carried over from the previous decision)
 * @param calmSince         for the load rule: since when other programs' load has been low enough to resume
 */
public record GovernorDecision(Action action, Cause cause, String reason, List<String> notes, int threads,
                               Duration pauseBetweenTasks, ZonedDateTime at, ZonedDateTime since,
                               Optional<ZonedDateTime> calmSince) {

    /** Run, run slower, or stop fetching. */
    public enum Action { RUN, THROTTLE, PAUSE }

    /** The rule behind a decision. */
    public enum Cause {
        /** Nothing limits mining. */
        NONE,
        /** The user's CPU cap. */
        CPU_CAP,
        /** Other programs need the CPU. */
        USER_LOAD,
        /** Idle-only mode and the user is active. */
        USER_ACTIVE,
        /** Running on battery power. */
        BATTERY,
        /** Battery charge below the minimum. */
        LOW_BATTERY,
        /** CPU too hot. */
        HEAT,
        /** Outside the mining hours. */
        SCHEDULE,
        /** Paused by the user. */
        MANUAL
    }

    public GovernorDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        notes = List.copyOf(notes);
        Objects.requireNonNull(pauseBetweenTasks, "pauseBetweenTasks");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(calmSince, "calmSince");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (pauseBetweenTasks.isNegative()) {
            throw new IllegalArgumentException("the pause between tasks must not be negative");
        }
    }

    public boolean running() {
        return action == Action.RUN;
    }

    public boolean throttled() {
        return action == Action.THROTTLE;
    }

    public boolean paused() {
        return action == Action.PAUSE;
    }

    /** The reason followed by the notes, one line: what a status line or tooltip shows. */
    public String summary() {
        return notes.isEmpty() ? reason : reason + "; " + String.join("; ", notes);
    }

    /**
     * Whether {@code other} tells the miner and the user the same thing (action, cause, reason, notes, threads,
     * pause): listeners are told only when this changes.
     */
    public boolean sameOutcome(GovernorDecision other) {
        return other != null && action == other.action && cause == other.cause && reason.equals(other.reason)
                && notes.equals(other.notes) && threads == other.threads
                && pauseBetweenTasks.equals(other.pauseBetweenTasks);
    }
}
