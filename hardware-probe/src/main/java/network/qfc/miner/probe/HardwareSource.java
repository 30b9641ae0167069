package network.qfc.miner.probe;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Where the probe reads the machine from: OSHI's hardware and operating-system views plus the JVM's architecture.
 * The real one wraps {@link SystemInfo}; tests hand in stand-ins that answer what a virtual machine answers.
 */
public interface HardwareSource {

    /** OSHI's hardware view (CPU, memory, graphics cards, power sources, sensors). */
    HardwareAbstractionLayer hardware();

    /** OSHI's operating-system view (family, version, this process). */
    OperatingSystem operatingSystem();

    /** The architecture the JVM runs on, as {@code os.arch} spells it ({@code amd64}, {@code aarch64}, ...). */
    String architecture();

    /** This machine as OSHI sees it. OSHI caches what it can, so keep one instance per application. */
    static HardwareSource ofThisMachine() {
        SystemInfo si = new SystemInfo();
        return of(si.getHardware(), si.getOperatingSystem(), System.getProperty("os.arch", "unknown"));
    }

    /** A source answering with these views (tests build them from stand-ins). */
    static HardwareSource of(HardwareAbstractionLayer hardware, OperatingSystem operatingSystem, String architecture) {
        return new Fixed(hardware, operatingSystem, architecture);
    }

    /** The views a source was made with. */
    record Fixed(HardwareAbstractionLayer hardware, OperatingSystem operatingSystem, String architecture)
            implements HardwareSource {
    }
}
