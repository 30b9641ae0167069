package network.qfc.miner.core.mining;

import java.util.Objects;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.probe.GpuTier;

/**
 * What this miner tells the node about itself: registration fields and the task request's tier, memory and backend.
 *
 * @param gpuModel          the GPU's name, or the CPU's when inference runs on the CPU
 * @param vramMb            the GPU's memory (0 on CPU)
 * @param benchmarkScore    0..10000, measured with the model ({@code HardwareBenchmark})
 * @param backend           where inference runs
 * @param tier              the tier asked for in {@code qfc_getInferenceTask}
 * @param availableMemoryMb the memory offered for tasks
 * @param os                {@code linux}, {@code macos} or {@code windows}
 * @param arch              {@code x86_64} or {@code aarch64}
 * @param cpuModel          the CPU's name
 * @param cpuCores          physical cores
 * @param totalMemoryMb     RAM
 * @param version           the miner's version
 */
public record MinerProfile(String gpuModel, long vramMb, long benchmarkScore, ComputeBackend backend, GpuTier tier,
                           long availableMemoryMb, String os, String arch, String cpuModel, int cpuCores,
                           long totalMemoryMb, String version) {
    public MinerProfile {
        Objects.requireNonNull(gpuModel, "gpuModel");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(version, "version");
        if (benchmarkScore < 0 || benchmarkScore > 10_000) {
            throw new IllegalArgumentException("benchmark score must be 0..10000, got " + benchmarkScore);
        }
    }
}
