package network.qfc.miner.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What this machine is, as one probe found it. Unknowns are empty, never fake zeros: no GPU is an empty list, no
 * battery an empty optional, an unknown temperature an empty {@code OptionalDouble}.
 *
 * @param probeTime how long the probe took
 */
public record HardwareReport(OsInfo os, CpuInfo cpu, MemoryInfo memory, List<GpuInfo> gpus, CudaStatus cuda,
                             MetalStatus metal, Optional<BatteryInfo> battery, OptionalDouble cpuTemperatureC,
                             Duration probeTime) {
    public HardwareReport {
        gpus = List.copyOf(gpus);
    }
}
