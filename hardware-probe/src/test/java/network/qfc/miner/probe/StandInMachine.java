package network.qfc.miner.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PowerSource;
import oshi.hardware.Sensors;
import oshi.software.os.OperatingSystem;

/**
 * This build machine as OSHI sees it (real CPU, memory, OS), with graphics cards, power sources, CPU temperature, OS
 * family and architecture replaced by what another machine would report.
 */
final class StandInMachine {
    private static final HardwareSource REAL = HardwareSource.ofThisMachine();

    private List<GraphicsCard> cards = List.of();
    private List<PowerSource> powerSources = List.of();
    private double temperature = 0.0;
    private String family;
    private String architecture = REAL.architecture();

    /** What OSHI answers in these virtual machines: one all-"unknown" card with 0 VRAM, no power source, 0.0 °C. */
    static StandInMachine virtualMachine() {
        return new StandInMachine().cards(card("unknown", "unknown", 0L)).powerSources().temperature(0.0);
    }

    static GraphicsCard card(String vendor, String name, long vramBytes) {
        return Overriding.only(GraphicsCard.class, Map.of(
                "getVendor", () -> vendor, "getName", () -> name, "getVRam", () -> vramBytes,
                "getDeviceId", () -> "unknown", "getVersionInfo", () -> "unknown"));
    }

    static PowerSource battery(double fraction, int maxCapacity, boolean onLine, boolean charging) {
        return Overriding.only(PowerSource.class, Map.of(
                "getName", () -> "BAT0", "getRemainingCapacityPercent", () -> fraction,
                "getMaxCapacity", () -> maxCapacity, "getDesignCapacity", () -> maxCapacity,
                "isPowerOnLine", () -> onLine, "isCharging", () -> charging));
    }

    StandInMachine cards(GraphicsCard... c) {
        this.cards = List.of(c);
        return this;
    }

    StandInMachine powerSources(PowerSource... p) {
        this.powerSources = List.of(p);
        return this;
    }

    StandInMachine temperature(double celsius) {
        this.temperature = celsius;
        return this;
    }

    StandInMachine os(String osFamily, String arch) {
        this.family = osFamily;
        this.architecture = arch;
        return this;
    }

    HardwareSource source() {
        Sensors sensors = Overriding.of(Sensors.class, REAL.hardware().getSensors(),
                Map.of("getCpuTemperature", () -> temperature));
        Map<String, Supplier<Object>> hal = new HashMap<>();
        hal.put("getGraphicsCards", () -> cards);
        hal.put("getPowerSources", () -> powerSources);
        hal.put("getSensors", () -> sensors);
        HardwareAbstractionLayer hardware = Overriding.of(HardwareAbstractionLayer.class, REAL.hardware(), hal);
        OperatingSystem os = family == null ? REAL.operatingSystem()
                : Overriding.of(OperatingSystem.class, REAL.operatingSystem(), Map.of("getFamily", () -> family));
        return HardwareSource.of(hardware, os, architecture);
    }
}
