package network.qfc.miner.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Finds out what this machine is: OS, CPU, memory, GPUs, whether CUDA or Metal can run, battery and CPU temperature.
 * NVIDIA memory and driver come from {@code nvidia-smi} when it answers (OSHI's VRAM is only a hint). Thread-safe;
 * each {@link #probe()} reads the machine afresh.
 */
public final class HardwareProbe {
    private final HardwareSource source;
    private final NvidiaSmi nvidiaSmi;
    private final CudaRuntimeLocator cudaRuntime;

    /** A probe that looks for the CUDA runtime where this machine's loader would. */
    public HardwareProbe(HardwareSource source, NvidiaSmi nvidiaSmi) {
        this(source, nvidiaSmi, CudaRuntimeLocator.forThisMachine());
    }

    public HardwareProbe(HardwareSource source, NvidiaSmi nvidiaSmi, CudaRuntimeLocator cudaRuntime) {
        this.source = source;
        this.nvidiaSmi = nvidiaSmi;
        this.cudaRuntime = cudaRuntime;
    }

    /** The probe of this machine: OSHI and the {@code nvidia-smi} on {@code PATH}. */
    public static HardwareProbe ofThisMachine() {
        return new HardwareProbe(HardwareSource.ofThisMachine(), NvidiaSmi.onPath());
    }

    /** Reads the machine. Takes a fraction of a second (OSHI) plus at most the {@code nvidia-smi} time limit. */
    public HardwareReport probe() {
        long started = System.nanoTime();
        HardwareAbstractionLayer hal = source.hardware();
        OperatingSystem os = source.operatingSystem();

        OsInfo osInfo = osInfo(os);
        CpuInfo cpu = cpuInfo(hal.getProcessor());
        GlobalMemory mem = hal.getMemory();
        MemoryInfo memory = new MemoryInfo(mem.getTotal(), mem.getAvailable());

        List<NvidiaGpu> smiGpus = nvidiaSmi.queryGpus().map(NvidiaGpu::parse).orElse(List.of());
        List<GpuInfo> gpus = mergeGpus(smiGpus, OshiFacts.gpus(hal.getGraphicsCards()));
        CudaStatus cuda = cudaStatus(gpus, smiGpus);
        MetalStatus metal = metalStatus(osInfo, memory);

        Optional<BatteryInfo> battery = OshiFacts.battery(hal.getPowerSources());
        OptionalDouble temperature = OshiFacts.temperature(hal.getSensors().getCpuTemperature());
        return new HardwareReport(osInfo, cpu, memory, gpus, cuda, metal, battery, temperature,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private OsInfo osInfo(OperatingSystem os) {
        String family = OshiFacts.unknown(os.getFamily()) ? System.getProperty("os.name", "unknown") : os.getFamily();
        String version = String.valueOf(os.getVersionInfo());
        boolean mac = family.toLowerCase(Locale.ROOT).contains("mac");
        return new OsInfo(family, version, source.architecture(), mac);
    }

    private CpuInfo cpuInfo(CentralProcessor cpu) {
        CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
        return new CpuInfo(id.getName().strip(), id.getVendor().strip(), cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(), SimdFeature.fromFlags(cpu.getFeatureFlags(), source.architecture()));
    }

    /** nvidia-smi's GPUs replace OSHI's NVIDIA cards (its VRAM is a fact); other vendors' cards stay. */
    private static List<GpuInfo> mergeGpus(List<NvidiaGpu> smi, List<GpuInfo> oshi) {
        List<GpuInfo> gpus = new ArrayList<>();
        for (NvidiaGpu g : smi) {
            gpus.add(new GpuInfo("NVIDIA", g.name(), g.memoryMb(), VramSource.NVIDIA_SMI,
                    Optional.of(g.driverVersion())));
        }
        for (GpuInfo g : oshi) {
            if (smi.isEmpty() || !g.nvidia()) {
                gpus.add(g);
            }
        }
        return gpus;
    }

    private CudaStatus cudaStatus(List<GpuInfo> gpus, List<NvidiaGpu> smi) {
        boolean nvidia = gpus.stream().anyMatch(GpuInfo::nvidia);
        Optional<String> driver = smi.stream().map(NvidiaGpu::driverVersion).findFirst();
        Optional<Path> runtime = cudaRuntime.find();
        String reason;
        if (!nvidia) {
            reason = "no NVIDIA GPU found";
        } else if (driver.isEmpty()) {
            reason = "an NVIDIA GPU is present but nvidia-smi did not answer: install or repair the NVIDIA driver";
        } else if (runtime.isEmpty()) {
            reason = "NVIDIA driver " + driver.get() + " found, but not the CUDA 12 runtime ("
                    + String.join(" / ", CudaRuntimeLocator.LIBRARY_NAMES)
                    + "): install CUDA 12 and put its libraries on the library path";
        } else {
            reason = "NVIDIA driver " + driver.get() + " with the CUDA 12 runtime at " + runtime.get();
        }
        return new CudaStatus(nvidia, driver, runtime, reason);
    }

    private static MetalStatus metalStatus(OsInfo os, MemoryInfo memory) {
        if (!os.macOs()) {
            return new MetalStatus(false, OptionalLong.empty(), "not macOS");
        }
        if (!os.arm64()) {
            return new MetalStatus(false, OptionalLong.empty(), "macOS on Intel: Metal mining needs Apple Silicon");
        }
        return new MetalStatus(true, OptionalLong.of(memory.totalMb()),
                "Apple Silicon with " + memory.totalMb() + " MB unified memory");
    }
}
