package network.qfc.miner.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe fed what other machines report: a VM, a laptop, a GPU box, a Mac. */
class HardwareProbeStandInTest {
    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path emptyLibraryDir;

    private HardwareProbe probe(StandInMachine machine, NvidiaSmi smi) {
        return new HardwareProbe(machine.source(), smi, new CudaRuntimeLocator(List.of(emptyLibraryDir)));
    }

    @Test
    void whatAVirtualMachineReportsIsNoGpuNoBatteryUnknownTemperature() {
        HardwareReport r = probe(StandInMachine.virtualMachine(), NvidiaSmi.absent()).probe();
        assertThat(r.gpus()).isEmpty();
        assertThat(r.battery()).isEmpty();
        assertThat(r.cpuTemperatureC()).isEmpty();
        assertThat(r.cuda().usable()).isFalse();
        assertThat(r.cuda().nvidiaGpu()).isFalse();
        assertThat(r.cuda().reason()).isEqualTo("no NVIDIA GPU found");
        TierAssessment a = new TierClassifier().assess(r, Optional.empty());
        assertThat(a.tier()).isEqualTo(GpuTier.COLD);
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
    }

    @Test
    void nanAndAbsurdTemperaturesAreUnknownAndARealOneIsKept() {
        assertThat(probe(StandInMachine.virtualMachine().temperature(Double.NaN), NvidiaSmi.absent()).probe()
                .cpuTemperatureC()).isEmpty();
        assertThat(probe(StandInMachine.virtualMachine().temperature(-273.0), NvidiaSmi.absent()).probe()
                .cpuTemperatureC()).isEmpty();
        assertThat(probe(StandInMachine.virtualMachine().temperature(54.5), NvidiaSmi.absent()).probe()
                .cpuTemperatureC()).hasValue(54.5);
    }

    @Test
    void aCardWithANameButNoVramIsAGpuOfUnknownMemory() {
        StandInMachine m = StandInMachine.virtualMachine()
                .cards(StandInMachine.card("Intel Corporation", "UHD Graphics 620", 0L));
        HardwareReport r = probe(m, NvidiaSmi.absent()).probe();
        assertThat(r.gpus()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("UHD Graphics 620");
            assertThat(g.vramMb()).isEmpty();
            assertThat(g.nvidia()).isFalse();
        });
    }

    @Test
    void aLaptopBatteryIsReported() {
        StandInMachine m = StandInMachine.virtualMachine()
                .powerSources(StandInMachine.battery(0.42, 50_000, false, false));
        BatteryInfo b = probe(m, NvidiaSmi.absent()).probe().battery().orElseThrow();
        assertThat(b.chargeFraction()).hasValue(0.42);
        assertThat(b.onAcPower()).isFalse();
    }

    @Test
    void aPlaceholderPowerSourceWithNothingKnownIsNoBattery() {
        StandInMachine m = StandInMachine.virtualMachine().powerSources(StandInMachine.battery(-1.0, 0, true, false));
        assertThat(probe(m, NvidiaSmi.absent()).probe().battery()).isEmpty();
    }

    @Test
    void nvidiaSmiVramReplacesOshisCappedHintAndCudaIsUsableWithTheRuntime(@TempDir Path cudaLib) throws IOException {
        Files.createFile(cudaLib.resolve("libcudart.so.12"));
        StandInMachine m = StandInMachine.virtualMachine()
                .cards(StandInMachine.card("NVIDIA Corporation", "AD102 [GeForce RTX 4090]", 4096L * MIB));
        HardwareReport r = new HardwareProbe(m.source(),
                () -> Optional.of("NVIDIA GeForce RTX 4090, 24564, 550.54.14\n"),
                new CudaRuntimeLocator(List.of(emptyLibraryDir, cudaLib))).probe();
        assertThat(r.gpus()).singleElement().satisfies(g -> {
            assertThat(g.vramMb()).isEqualTo(OptionalLong.of(24564));
            assertThat(g.vramSource()).isEqualTo(VramSource.NVIDIA_SMI);
            assertThat(g.driverVersion()).hasValue("550.54.14");
        });
        assertThat(r.cuda().usable()).isTrue();
        assertThat(r.cuda().runtimeLibrary()).hasValue(cudaLib.resolve("libcudart.so.12"));
        TierAssessment a = new TierClassifier().assess(r, Optional.empty());
        assertThat(a.accelerator()).isEqualTo(Accelerator.CUDA);
        assertThat(a.tier()).isEqualTo(GpuTier.HOT);
    }

    @Test
    void anNvidiaCardWithoutDriverAnswerOrRuntimeIsNotCuda() {
        StandInMachine m = StandInMachine.virtualMachine()
                .cards(StandInMachine.card("NVIDIA Corporation", "GA102", 4096L * MIB));
        HardwareReport noDriver = probe(m, NvidiaSmi.absent()).probe();
        assertThat(noDriver.gpus()).singleElement().satisfies(g -> assertThat(g.vramSource()).isEqualTo(VramSource.OSHI));
        assertThat(noDriver.cuda().nvidiaGpu()).isTrue();
        assertThat(noDriver.cuda().usable()).isFalse();
        assertThat(noDriver.cuda().reason()).contains("nvidia-smi did not answer");

        HardwareReport noRuntime = probe(m, () -> Optional.of("NVIDIA GeForce RTX 3090, 24576, 550.1.2")).probe();
        assertThat(noRuntime.cuda().usable()).isFalse();
        assertThat(noRuntime.cuda().reason()).contains("libcudart.so.12");
        assertThat(new TierClassifier().assess(noRuntime, Optional.empty()).accelerator()).isEqualTo(Accelerator.CPU);
    }

    @Test
    void appleSiliconIsMetalWithUnifiedMemory() {
        HardwareReport r = probe(StandInMachine.virtualMachine().os("macOS", "aarch64"), NvidiaSmi.absent()).probe();
        assertThat(r.metal().usable()).isTrue();
        assertThat(r.metal().unifiedMemoryMb()).isEqualTo(OptionalLong.of(r.memory().totalMb()));
        assertThat(r.cpu().simd()).contains(SimdFeature.NEON);
        TierAssessment a = new TierClassifier().assess(r, Optional.empty());
        assertThat(a.accelerator()).isEqualTo(Accelerator.METAL);
        assertThat(a.tier()).isEqualTo(new TierClassifier().classify(Accelerator.METAL, r.memory().totalMb()));
    }

    @Test
    void anIntelMacIsNotMetal() {
        HardwareReport r = probe(StandInMachine.virtualMachine().os("macOS", "x86_64"), NvidiaSmi.absent()).probe();
        assertThat(r.metal().usable()).isFalse();
        assertThat(r.metal().reason()).contains("Apple Silicon");
    }

    @Test
    void simdFlagsAreReadOnEveryPlatformsSpelling() {
        assertThat(SimdFeature.fromFlags(List.of("flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw"), "amd64"))
                .containsExactlyInAnyOrder(SimdFeature.AVX2, SimdFeature.AVX512F);
        assertThat(SimdFeature.fromFlags(List.of("PF_AVX2_INSTRUCTIONS_AVAILABLE"), "amd64"))
                .containsExactly(SimdFeature.AVX2);
        assertThat(SimdFeature.fromFlags(List.of("Features\t: fp asimd evtstrm aes"), "aarch64"))
                .containsExactly(SimdFeature.NEON);
        assertThat(SimdFeature.fromFlags(List.of("fpu sse2 avx"), "amd64")).isEmpty();
    }
}
