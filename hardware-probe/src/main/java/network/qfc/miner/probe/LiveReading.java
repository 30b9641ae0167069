package network.qfc.miner.probe;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One sample of the live readings a dashboard shows.
 *
 * @param at              when it was taken
 * @param processCpuLoad  this JVM's CPU use since the previous sample, 0..1 of the whole machine
 * @param machineCpuLoad  the machine's CPU use since the previous sample, 0..1
 * @param cpuTemperatureC the CPU temperature, empty when the OS does not expose one
 * @param battery         the battery, empty when there is none
 */
public record LiveReading(Instant at, double processCpuLoad, double machineCpuLoad, OptionalDouble cpuTemperatureC,
                          Optional<BatteryInfo> battery) {
}
