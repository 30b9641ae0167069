package network.qfc.miner.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierClassifierTest {
    private static final long GIB = 1024L * 1024L * 1024L;
    private final TierClassifier classifier = new TierClassifier();

    @ParameterizedTest(name = "{0} with {1} MB is {2}")
    @CsvSource({
        "CUDA, 0, COLD",
        "CUDA, 4096, COLD",
        "CUDA, 7999, COLD",
        "CUDA, 8000, WARM",
        "CUDA, 23999, WARM",
        "CUDA, 24000, HOT",
        "CUDA, 81920, HOT",
        "METAL, 8192, COLD",
        "METAL, 15999, COLD",
        "METAL, 16000, WARM",
        "METAL, 31999, WARM",
        "METAL, 32000, HOT",
        "METAL, 196608, HOT",
        "CPU, 0, COLD",
        "CPU, 24000, COLD",
        "CPU, 1048576, COLD",
        "CPU, 9223372036854775807, COLD",
    })
    void classifiesExactlyAsTheNode(Accelerator kind, long memoryMb, GpuTier expected) {
        assertThat(classifier.classify(kind, memoryMb)).isEqualTo(expected);
    }

    @Test
    void wireNamesAreTheNodes() {
        assertThat(GpuTier.COLD.wireName()).isEqualTo("Cold");
        assertThat(GpuTier.WARM.wireName()).isEqualTo("Warm");
        assertThat(GpuTier.HOT.wireName()).isEqualTo("Hot");
        assertThat(GpuTier.fromWireName("warm")).isEqualTo(GpuTier.WARM);
        assertThatThrownBy(() -> GpuTier.fromWireName("Lukewarm")).hasMessageContaining("Cold, Warm or Hot");
    }

    @Test
    void theApprovedModelTableIsTheNodes() {
        assertThat(ApprovedModelTable.load()).containsExactly(
                new ModelRequirement("qfc-embed-small", "v1.0", GpuTier.COLD, 512),
                new ModelRequirement("qfc-embed-medium", "v1.0", GpuTier.WARM, 2048),
                new ModelRequirement("qfc-classify-small", "v1.0", GpuTier.WARM, 2048));
    }

    @Test
    void aCpuMachineIsColdAndMayRunOnlyTheSmallEmbedder() {
        TierAssessment a = classifier.assess(report(1000, List.of(), noCuda(), noMetal()), Optional.empty());
        assertThat(a.tier()).isEqualTo(GpuTier.COLD);
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
        assertThat(a.memoryMb()).isEqualTo(1000L * 1024);
        assertThat(a.runnableModels()).extracting(ModelRequirement::name).containsExactly("qfc-embed-small");
        ModelEligibility medium = a.models().get(1);
        assertThat(medium.mayRun()).isFalse();
        assertThat(medium.reason()).hasValueSatisfying(r -> assertThat(r).contains("needs tier Warm")
                .contains("CPU is always Cold").doesNotContain("MB of memory"));
        assertThat(a.models().get(0).reason()).isEmpty();
    }

    @Test
    void aHugeCpuMachineIsStillCold() {
        TierAssessment a = classifier.assess(report(512 * 1024, List.of(), noCuda(), noMetal()), Optional.empty());
        assertThat(a.tier()).isEqualTo(GpuTier.COLD);
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
    }

    @Test
    void aUsableCudaGpuIsTieredByNvidiaSmiVram() {
        GpuInfo rtx = new GpuInfo("NVIDIA", "NVIDIA GeForce RTX 4090", OptionalLong.of(24564), VramSource.NVIDIA_SMI,
                Optional.of("550.54.14"));
        TierAssessment a = classifier.assess(report(64, List.of(rtx), cuda(true), noMetal()), Optional.empty());
        assertThat(a.tier()).isEqualTo(GpuTier.HOT);
        assertThat(a.accelerator()).isEqualTo(Accelerator.CUDA);
        assertThat(a.memoryMb()).isEqualTo(24564);
        assertThat(a.runnableModels()).hasSize(3);
        assertThat(a.why()).startsWith("CUDA:");
    }

    @Test
    void theUserOverrideCorrectsACappedOshiVramHint() {
        GpuInfo capped = new GpuInfo("NVIDIA", "NVIDIA GeForce RTX 3090", OptionalLong.of(4096), VramSource.OSHI,
                Optional.empty());
        HardwareReport r = report(32, List.of(capped), cuda(true), noMetal());
        assertThat(classifier.assess(r, Optional.empty()).tier()).isEqualTo(GpuTier.COLD);
        TierAssessment a = classifier.assess(r, Optional.of(24576L));
        assertThat(a.tier()).isEqualTo(GpuTier.HOT);
        assertThat(a.memoryOverridden()).isTrue();
        assertThat(a.memoryMb()).isEqualTo(24576);
        assertThat(a.why()).contains("set by the user to 24576 MB");
    }

    @Test
    void anOverrideBelowAModelsNeedSaysSo() {
        TierAssessment a = classifier.assess(report(32, List.of(), noCuda(), noMetal()), Optional.of(256L));
        assertThat(a.runnableModels()).isEmpty();
        assertThat(a.models().get(0).reason()).hasValue("needs 512 MB of memory, CPU has 256 MB");
    }

    @Test
    void anNvidiaGpuWithoutTheCudaRuntimeFallsBackToCpuAndSaysWhy() {
        GpuInfo rtx = new GpuInfo("NVIDIA", "RTX", OptionalLong.of(24564), VramSource.NVIDIA_SMI, Optional.of("550.1"));
        CudaStatus missing = new CudaStatus(true, Optional.of("550.1"), Optional.empty(),
                "NVIDIA driver 550.1 found, but not the CUDA 12 runtime");
        TierAssessment a = classifier.assess(report(32, List.of(rtx), missing, noMetal()), Optional.empty());
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
        assertThat(a.tier()).isEqualTo(GpuTier.COLD);
        assertThat(a.why()).contains("CUDA 12 runtime");
    }

    @Test
    void cudaWithUnknownVramIsNotGuessed() {
        GpuInfo unknownVram = new GpuInfo("NVIDIA", "RTX", OptionalLong.empty(), VramSource.NVIDIA_SMI,
                Optional.of("550.1"));
        HardwareReport r = report(32, List.of(unknownVram), cuda(true), noMetal());
        TierAssessment a = classifier.assess(r, Optional.empty());
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
        assertThat(a.why()).contains("VRAM is unknown");
        assertThat(classifier.assess(r, Optional.of(8000L)).tier()).isEqualTo(GpuTier.WARM);
    }

    @Test
    void appleSiliconIsTieredByUnifiedMemory() {
        MetalStatus m16 = new MetalStatus(true, OptionalLong.of(16384), "Apple Silicon");
        TierAssessment a = classifier.assess(report(16, List.of(), noCuda(), m16), Optional.empty());
        assertThat(a.accelerator()).isEqualTo(Accelerator.METAL);
        assertThat(a.tier()).isEqualTo(GpuTier.WARM);
        assertThat(a.runnableModels()).hasSize(3);
    }

    @Test
    void aNonPositiveOverrideIsRefusedClearly() {
        HardwareReport r = report(32, List.of(), noCuda(), noMetal());
        assertThatThrownBy(() -> classifier.assess(r, Optional.of(0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive number of MB, got 0");
    }

    static HardwareReport report(long ramGib, List<GpuInfo> gpus, CudaStatus cuda, MetalStatus metal) {
        return new HardwareReport(new OsInfo("Linux", "test", "amd64", false),
                new CpuInfo("Test CPU", "GenuineTest", 8, 16, Set.of(SimdFeature.AVX2)),
                new MemoryInfo(ramGib * GIB, ramGib * GIB / 2), gpus, cuda, metal, Optional.empty(),
                OptionalDouble.empty(), Duration.ofMillis(1));
    }

    static CudaStatus noCuda() {
        return new CudaStatus(false, Optional.empty(), Optional.empty(), "no NVIDIA GPU found");
    }

    static CudaStatus cuda(boolean usable) {
        return new CudaStatus(true, Optional.of("550.54.14"),
                usable ? Optional.of(Path.of("/usr/local/cuda/lib64/libcudart.so.12")) : Optional.empty(), "test");
    }

    static MetalStatus noMetal() {
        return new MetalStatus(false, OptionalLong.empty(), "not macOS");
    }
}
