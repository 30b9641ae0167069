package network.qfc.miner.probe;

import java.util.OptionalDouble;

/**
 * The battery, when the machine has one.
 *
 * @param chargeFraction remaining charge 0..1, empty when the OS does not say
 * @param onAcPower      plugged in
 * @param charging       charging right now
 */
public record BatteryInfo(OptionalDouble chargeFraction, boolean onAcPower, boolean charging) {
}
