package network.qfc.miner.core.governor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.core.governor.GovernorDecision.Action;
import network.qfc.miner.core.governor.GovernorDecision.Cause;

/**
 * Decides, from one set of readings, the user's policy and the previous decision, whether the miner runs, runs
 * throttled or pauses, and says why. Pure: no clock, no I/O, no state of its own; the hysteresis lives in the
 * previous decision. Thread-safe.
 *
 * <p>Rules, first match wins: manual pause; mining hours; on battery; battery below the minimum; CPU heat (resumes
 * only {@code margin} below the limit); idle-only mode with the user active; other programs' load (throttle above
 * the threshold, pause when it stays above for the settle time, resume after it stays
 * {@value #RESUME_MARGIN_POINTS} points below the threshold for the settle time); the CPU cap (threads and duty cycle,
 * see {@link DutyCycle}). Unknown readings never trigger a rule: an unknown temperature is not 0 °C and not hot; when
 * idle time cannot be read, idle-only mode falls back to the load rule and says so.
 */
public final class Governor {

    /** How many percentage points below the yield threshold other programs' load must fall to resume. */
    public static final int RESUME_MARGIN_POINTS = 10;
    /** The smallest share the load rule leaves to mining while it throttles. */
    static final double MIN_SHARE = 0.05;

    static final String IDLE_UNAVAILABLE = "idle detection unavailable: using the CPU-load rule";
    static final String TEMPERATURE_UNKNOWN = "CPU temperature unknown: heat limit not applied";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    /** The first decision, with nothing before it. */
    public GovernorDecision decide(GovernorReadings readings, GovernorPolicy policy) {
        return decide(readings, policy, Optional.empty());
    }

    /** The decision for these readings under this policy, continuing {@code previous} (for hysteresis). */
    public GovernorDecision decide(GovernorReadings readings, GovernorPolicy policy,
                                   Optional<GovernorDecision> previous) {
        Step s = new Step(readings, policy, previous.orElse(null), notes(readings, policy));
        ZonedDateTime now = readings.now();
        ManualPause manual = policy.manualPause();
        if (manual.activeAt(now.toInstant())) {
            return s.pause(Cause.MANUAL, manual instanceof ManualPause.Until u
                    ? "paused by you until " + when(u.end(), now) : "paused by you until resumed");
        }
        if (!policy.schedule().allows(now)) {
            return s.pause(Cause.SCHEDULE, "outside mining hours"
                    + policy.schedule().nextStart(now).map(t -> " (resumes " + when(t.toInstant(), now) + ")")
                    .orElse(""));
        }
        boolean onBattery = readings.onBattery().orElse(false);
        if (policy.pauseOnBattery() && onBattery) {
            return s.pause(Cause.BATTERY, "paused: on battery power");
        }
        boolean onAc = readings.onBattery().equals(Optional.of(false));
        if (policy.minBatteryPercent() > 0 && !onAc && readings.batteryPercent().isPresent()
                && readings.batteryPercent().getAsInt() < policy.minBatteryPercent()) {
            return s.pause(Cause.LOW_BATTERY, "paused: battery at " + readings.batteryPercent().getAsInt()
                    + "% (minimum " + policy.minBatteryPercent() + "%)");
        }
        if (policy.maxTemperatureC().isPresent() && readings.temperatureC().isPresent()) {
            double limit = policy.maxTemperatureC().getAsDouble();
            double resumeBelow = limit - policy.temperatureMarginC();
            double t = readings.temperatureC().getAsDouble();
            boolean cooling = s.previousWas(Action.PAUSE, Cause.HEAT);
            if (t >= limit || (cooling && t >= resumeBelow)) {
                return s.pause(Cause.HEAT, String.format(Locale.ROOT, "paused: CPU at %.0f °C, resumes below %.0f °C",
                        t, resumeBelow));
            }
        }
        boolean idleOnly = policy.idleOnlyMinutes() > 0;
        if (idleOnly && readings.idleTime().isPresent()) {
            Duration idle = readings.idleTime().get();
            if (idle.compareTo(Duration.ofMinutes(policy.idleOnlyMinutes())) < 0) {
                return s.pause(Cause.USER_ACTIVE, "paused: user active (idle " + minutesSeconds(idle) + " < "
                        + policy.idleOnlyMinutes() + " min)");
            }
        }
        if (policy.yieldToUser() || (idleOnly && readings.idleTime().isEmpty())) {
            Optional<GovernorDecision> yielding = s.loadRule();
            if (yielding.isPresent()) {
                return yielding.get();
            }
        }
        return s.capped(policy.cpuCap(), Cause.CPU_CAP, Optional.empty());
    }

    private static List<String> notes(GovernorReadings r, GovernorPolicy p) {
        List<String> notes = new ArrayList<>();
        if (p.idleOnlyMinutes() > 0 && r.idleTime().isEmpty()) {
            notes.add(IDLE_UNAVAILABLE);
        }
        if (p.maxTemperatureC().isPresent() && r.temperatureC().isEmpty()) {
            notes.add(TEMPERATURE_UNKNOWN);
        }
        return notes;
    }

    /** "14:32" when on the same local day as {@code now}, else "Sat 14:32". */
    static String when(Instant instant, ZonedDateTime now) {
        ZonedDateTime t = instant.atZone(now.getZone());
        return t.toLocalDate().equals(now.toLocalDate()) ? HOUR.format(t) : DAY_HOUR.format(t);
    }

    /** "0:12", "4:05", "75:00". */
    static String minutesSeconds(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** One decision in the making. */
    private static final class Step {
        private final GovernorReadings readings;
        private final GovernorPolicy policy;
        private final GovernorDecision previous;
        private final List<String> notes;

        Step(GovernorReadings readings, GovernorPolicy policy, GovernorDecision previous, List<String> notes) {
            this.readings = readings;
            this.policy = policy;
            this.previous = previous;
            this.notes = notes;
        }

        boolean previousWas(Action action, Cause cause) {
            return previous != null && previous.action() == action && previous.cause() == cause;
        }

        GovernorDecision pause(Cause cause, String reason) {
            int threads = DutyCycle.threads(readings.logicalCores(), policy.cpuCap());
            return make(Action.PAUSE, cause, reason, threads, Duration.ZERO, Optional.empty());
        }

        /**
         * The load rule: empty when it does not hold mining back, else the throttle or pause it imposes.
         */
        Optional<GovernorDecision> loadRule() {
            double others = readings.othersLoad();
            double threshold = policy.yieldThresholdPercent() / 100.0;
            double resumeBelow = threshold - RESUME_MARGIN_POINTS / 100.0;
            Duration settle = policy.settleTime();
            ZonedDateTime now = readings.now();
            boolean yielding = previous != null && previous.cause() == Cause.USER_LOAD;
            if (!yielding) {
                return others > threshold ? Optional.of(throttle(others, threshold, Optional.empty())) : Optional.empty();
            }
            if (others < resumeBelow) {
                ZonedDateTime calm = previous.calmSince().orElse(now);
                if (!Duration.between(calm, now).minus(settle).isNegative()) {
                    return Optional.empty();
                }
                String waiting = "waiting for other programs' CPU use to stay below " + percent(resumeBelow)
                        + " for " + settle.toSeconds() + " s";
                return Optional.of(previous.paused()
                        ? make(Action.PAUSE, Cause.USER_LOAD, "paused: " + waiting, previous.threads(), Duration.ZERO,
                        Optional.of(calm))
                        : capped(share(threshold, threshold), Cause.USER_LOAD, Optional.of(calm),
                        "throttled: " + waiting));
            }
            boolean highLongEnough = !Duration.between(previous.since(), now).minus(settle).isNegative();
            if (previous.paused() || (others > threshold && highLongEnough)) {
                return Optional.of(make(Action.PAUSE, Cause.USER_LOAD,
                        "paused: other programs use " + percent(others) + " of the CPU", previous.threads(),
                        Duration.ZERO, Optional.empty()));
            }
            return Optional.of(throttle(others, threshold, Optional.empty()));
        }

        private GovernorDecision throttle(double others, double threshold, Optional<ZonedDateTime> calm) {
            return capped(share(others, threshold), Cause.USER_LOAD, calm,
                    "throttled: other programs use " + percent(others) + " of the CPU");
        }

        /** While yielding, mining keeps what the others leave above the threshold, within the cap. */
        private double share(double others, double threshold) {
            return Math.min(policy.cpuCap(), Math.max(MIN_SHARE, 1 - Math.max(others, threshold)));
        }

        GovernorDecision capped(double share, Cause cause, Optional<ZonedDateTime> calm) {
            int n = readings.logicalCores();
            int threads = DutyCycle.threads(n, share);
            return capped(share, cause, calm, "throttled: CPU cap " + policy.cpuCapPercent() + "% (" + threads
                    + " of " + n + (n == 1 ? " thread)" : " threads)"));
        }

        GovernorDecision capped(double share, Cause cause, Optional<ZonedDateTime> calm, String reason) {
            int n = readings.logicalCores();
            int threads = DutyCycle.threads(n, share);
            Duration pause = Duration.ZERO;
            if (share < 1 && readings.taskBusyTime().isPresent()) {
                Duration busy = readings.taskBusyTime().get();
                double u = Math.min(1.0, (double) threads / n);
                if (previous != null && !previous.paused()) {
                    double measured = DutyCycle.measuredBusyShare(readings.processLoad(), busy,
                            previous.pauseBetweenTasks());
                    u = Math.max(u, Math.min(1.0, measured * threads / previous.threads()));
                }
                pause = DutyCycle.pauseBetweenTasks(busy, u, share);
            }
            if (cause != Cause.USER_LOAD && threads == n && pause.isZero()) {
                return make(Action.RUN, Cause.NONE, "running", threads, Duration.ZERO, Optional.empty());
            }
            return make(Action.THROTTLE, cause, reason, threads, pause, calm);
        }

        private GovernorDecision make(Action action, Cause cause, String reason, int threads, Duration pause,
                                      Optional<ZonedDateTime> calm) {
            ZonedDateTime now = readings.now();
            ZonedDateTime since = previousWas(action, cause) ? previous.since() : now;
            return new GovernorDecision(action, cause, reason, notes, threads, pause, now, since, calm);
        }
    }
}
