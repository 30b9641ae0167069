package network.qfc.miner.core.governor;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The user's rules for polite mining (settings screen, headless flags). Immutable; change one rule with a
 * {@code with...} method.
 *
 * @param cpuCapPercent          at most this share of the whole machine for mining, 10..100
 * @param yieldToUser            throttle, then pause, when other programs need the CPU
 * @param yieldThresholdPercent  "need the CPU": other programs' share of the machine above this, 10..95
 * @param idleOnlyMinutes        mine only after the user has been idle this long; 0 = off, up to 1440
 * @param pauseOnBattery         pause whenever the machine runs on battery
 * @param minBatteryPercent      pause on battery below this charge; 0 = off, up to 100
 * @param maxTemperatureC        pause at or above this CPU temperature; empty = no heat limit
 * @param temperatureMarginC     after a heat pause, resume only below {@code maxTemperatureC - margin}, 0..30
 * @param settleTime             how long other programs' load must stay high before a throttle becomes a pause, and
 *                               low before mining resumes (hysteresis), 0..10 min
 * @param schedule               the allowed mining hours
 * @param manualPause            a pause the user asked for
 */
public record GovernorPolicy(int cpuCapPercent, boolean yieldToUser, int yieldThresholdPercent, int idleOnlyMinutes,
                             boolean pauseOnBattery, int minBatteryPercent, OptionalDouble maxTemperatureC,
                             double temperatureMarginC, Duration settleTime, MiningSchedule schedule,
                             ManualPause manualPause) {

    /** Default CPU cap: all of the machine (the user lowers it). */
    public static final int DEFAULT_CPU_CAP_PERCENT = 100;
    /** Default yield threshold: other programs using more than half of the machine. */
    public static final int DEFAULT_YIELD_THRESHOLD_PERCENT = 50;
    /** Default minimum battery charge when mining on battery is allowed. */
    public static final int DEFAULT_MIN_BATTERY_PERCENT = 20;
    /** Default heat limit. */
    public static final double DEFAULT_MAX_TEMPERATURE_C = 90;
    /** Default cooling margin before resuming after a heat pause. */
    public static final double DEFAULT_TEMPERATURE_MARGIN_C = 5;
    /** Default settle time of the load rule. */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofSeconds(10);

    public GovernorPolicy {
        Objects.requireNonNull(maxTemperatureC, "maxTemperatureC");
        Objects.requireNonNull(settleTime, "settleTime");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(manualPause, "manualPause");
        check(cpuCapPercent >= 10 && cpuCapPercent <= 100,
                "the CPU cap must be between 10 and 100 %, got " + cpuCapPercent);
        check(yieldThresholdPercent >= 10 && yieldThresholdPercent <= 95,
                "the yield threshold must be between 10 and 95 %, got " + yieldThresholdPercent);
        check(idleOnlyMinutes >= 0 && idleOnlyMinutes <= 1440,
                "idle-only minutes must be between 0 (off) and 1440, got " + idleOnlyMinutes);
        check(minBatteryPercent >= 0 && minBatteryPercent <= 100,
                "the minimum battery charge must be between 0 (off) and 100 %, got " + minBatteryPercent);
        if (maxTemperatureC.isPresent()) {
            double t = maxTemperatureC.getAsDouble();
            check(t >= 40 && t <= 110, "the maximum CPU temperature must be between 40 and 110 °C, got " + t);
        }
        check(temperatureMarginC >= 0 && temperatureMarginC <= 30,
                "the temperature margin must be between 0 and 30 °C, got " + temperatureMarginC);
        check(!settleTime.isNegative() && settleTime.compareTo(Duration.ofMinutes(10)) <= 0,
                "the settle time must be between 0 and 10 minutes, got " + settleTime);
    }

    /**
     * The defaults: no CPU cap, yield to the user above 50 %, no idle-only mode, pause on battery (and below 20 %
     * when mining on battery is allowed), pause at 90 °C and resume below 85 °C, 10 s settle time, any hour.
     */
    public static GovernorPolicy defaults() {
        return new GovernorPolicy(DEFAULT_CPU_CAP_PERCENT, true, DEFAULT_YIELD_THRESHOLD_PERCENT, 0, true,
                DEFAULT_MIN_BATTERY_PERCENT, OptionalDouble.of(DEFAULT_MAX_TEMPERATURE_C),
                DEFAULT_TEMPERATURE_MARGIN_C, DEFAULT_SETTLE_TIME, MiningSchedule.ALWAYS, ManualPause.NONE);
    }

    public GovernorPolicy withCpuCapPercent(int percent) {
        return new GovernorPolicy(percent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, schedule, manualPause);
    }

    public GovernorPolicy withYieldToUser(boolean on, int thresholdPercent) {
        return new GovernorPolicy(cpuCapPercent, on, thresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, schedule, manualPause);
    }

    public GovernorPolicy withIdleOnlyMinutes(int minutes) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, minutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, schedule, manualPause);
    }

    public GovernorPolicy withPauseOnBattery(boolean on) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, on,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, schedule, manualPause);
    }

    public GovernorPolicy withMinBatteryPercent(int percent) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                percent, maxTemperatureC, temperatureMarginC, settleTime, schedule, manualPause);
    }

    /** The heat limit and cooling margin; an empty limit turns the heat rule off. */
    public GovernorPolicy withMaxTemperatureC(OptionalDouble limit, double marginC) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, limit, marginC, settleTime, schedule, manualPause);
    }

    public GovernorPolicy withSettleTime(Duration settle) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settle, schedule, manualPause);
    }

    public GovernorPolicy withSchedule(MiningSchedule hours) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, hours, manualPause);
    }

    public GovernorPolicy withManualPause(ManualPause pause) {
        return new GovernorPolicy(cpuCapPercent, yieldToUser, yieldThresholdPercent, idleOnlyMinutes, pauseOnBattery,
                minBatteryPercent, maxTemperatureC, temperatureMarginC, settleTime, schedule, pause);
    }

    /** The CPU cap as a fraction of the machine, 0.1..1. */
    public double cpuCap() {
        return cpuCapPercent / 100.0;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
