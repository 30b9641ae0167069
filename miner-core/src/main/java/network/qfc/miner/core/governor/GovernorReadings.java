package network.qfc.miner.core.governor;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the governor knows about the machine at one moment. Unknown stays unknown: an empty temperature is not
 * 0 °C, an empty idle time means idle detection is unavailable, an empty power state means no battery or no idea.
 *
 * @param machineLoad    the whole machine's CPU use, 0..1
 * @param processLoad    this miner process's CPU use, 0..1 of the whole machine
 * @param idleTime       time since the user's last keyboard or mouse input; empty when it cannot be read
 * @param onBattery      running on battery power; empty when there is no battery or the OS does not say
 * @param batteryPercent remaining charge 0..100; empty when unknown
 * @param temperatureC   the CPU temperature; empty when no sensor is readable
 * @param now            the local date and time (the schedule is wall-clock time)
 * @param logicalCores   the machine's logical cores, at least 1
 * @param taskBusyTime   the measured busy time of one task (a recent average); empty before the first task
 */
public record GovernorReadings(double machineLoad, double processLoad, Optional<Duration> idleTime,
                               Optional<Boolean> onBattery, OptionalInt batteryPercent, OptionalDouble temperatureC,
                               ZonedDateTime now, int logicalCores, Optional<Duration> taskBusyTime) {

    public GovernorReadings {
        Objects.requireNonNull(idleTime, "idleTime");
        Objects.requireNonNull(onBattery, "onBattery");
        Objects.requireNonNull(batteryPercent, "batteryPercent");
        Objects.requireNonNull(temperatureC, "temperatureC");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(taskBusyTime, "taskBusyTime");
        if (!(machineLoad >= 0 && machineLoad <= 1) || !(processLoad >= 0 && processLoad <= 1)) {
            throw new IllegalArgumentException("CPU loads must be between 0 and 1, got machine " + machineLoad
                    + " and process " + processLoad);
        }
        if (temperatureC.isPresent() && Double.isNaN(temperatureC.getAsDouble())) {
            throw new IllegalArgumentException("an unknown temperature must be empty, not NaN");
        }
        if (logicalCores < 1) {
            throw new IllegalArgumentException("logical cores must be at least 1, got " + logicalCores);
        }
    }

    /** Readings of an idle machine on mains power at {@code now}: the start point of tests and of a fresh miner. */
    public static GovernorReadings quiet(ZonedDateTime now, int logicalCores) {
        return new GovernorReadings(0, 0, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalDouble.empty(), now, logicalCores, Optional.empty());
    }

    /** Other programs' share of the machine: machine load minus ours, never below 0. */
    public double othersLoad() {
        return Math.max(0, machineLoad - processLoad);
    }

    public GovernorReadings withLoads(double machine, double process) {
        return new GovernorReadings(machine, process, idleTime, onBattery, batteryPercent, temperatureC, now,
                logicalCores, taskBusyTime);
    }

    public GovernorReadings withIdleTime(Optional<Duration> idle) {
        return new GovernorReadings(machineLoad, processLoad, idle, onBattery, batteryPercent, temperatureC, now,
                logicalCores, taskBusyTime);
    }

    public GovernorReadings withBattery(Optional<Boolean> onBatteryPower, OptionalInt percent) {
        return new GovernorReadings(machineLoad, processLoad, idleTime, onBatteryPower, percent, temperatureC, now,
                logicalCores, taskBusyTime);
    }

    public GovernorReadings withTemperatureC(OptionalDouble celsius) {
        return new GovernorReadings(machineLoad, processLoad, idleTime, onBattery, batteryPercent, celsius, now,
                logicalCores, taskBusyTime);
    }

    public GovernorReadings withNow(ZonedDateTime at) {
        return new GovernorReadings(machineLoad, processLoad, idleTime, onBattery, batteryPercent, temperatureC, at,
                logicalCores, taskBusyTime);
    }

    public GovernorReadings withTaskBusyTime(Optional<Duration> busy) {
        return new GovernorReadings(machineLoad, processLoad, idleTime, onBattery, batteryPercent, temperatureC, now,
                logicalCores, busy);
    }
}
