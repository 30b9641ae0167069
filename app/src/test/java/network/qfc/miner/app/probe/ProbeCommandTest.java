package network.qfc.miner.app.probe;

import static network.qfc.miner.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.probe.BatteryInfo;
import network.qfc.miner.probe.CpuInfo;
import network.qfc.miner.probe.CudaStatus;
import network.qfc.miner.probe.GpuInfo;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.MemoryInfo;
import network.qfc.miner.probe.MetalStatus;
import network.qfc.miner.probe.OsInfo;
import network.qfc.miner.probe.SimdFeature;
import network.qfc.miner.probe.TierClassifier;
import network.qfc.miner.probe.VramSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProbeCommandTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void summaryOnThisGpulessVmSaysNoneAndUnknown() {
        CommandRun r = run("probe");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("GPU:\\s+none\n").containsPattern("Battery:\\s+none\n")
                .containsPattern("CPU temperature:\\s+unknown\n").containsPattern("Tier:\\s+Cold on CPU")
                .containsPattern("qfc-embed-small@v1.0\\s+may run")
                .containsPattern("qfc-classify-small@v1.0\\s+cannot run: needs tier Warm")
                .contains(Runtime.getRuntime().availableProcessors() + " logical cores");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void jsonHasEveryFieldWithUnknownsAsNull() throws Exception {
        CommandRun r = run("probe", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("cpu").get("logicalCores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(j.get("memory").get("totalMb").asLong()).isPositive();
        assertThat(j.get("gpus").isArray()).isTrue();
        assertThat(j.get("gpus").size()).isZero();
        assertThat(j.get("battery").isNull()).isTrue();
        assertThat(j.get("cpuTemperatureC").isNull()).isTrue();
        assertThat(j.get("cuda").get("usable").asBoolean()).isFalse();
        assertThat(j.get("cuda").get("driverVersion").isNull()).isTrue();
        assertThat(j.get("metal").get("unifiedMemoryMb").isNull()).isTrue();
        assertThat(j.get("tier").get("tier").asText()).isEqualTo("Cold");
        assertThat(j.get("tier").get("accelerator").asText()).isEqualTo("CPU");
        assertThat(j.get("tier").get("models")).hasSize(3);
        assertThat(j.get("tier").get("models").get(0).get("reason").isNull()).isTrue();
        assertThat(j.get("probeTimeMs").isNumber()).isTrue();
    }

    @Test
    void aMemoryOverrideIsUsedForTheVerdict() throws Exception {
        CommandRun r = run("probe", "--json", "--max-memory", "256");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode tier = new ObjectMapper().readTree(r.out()).get("tier");
        assertThat(tier.get("memoryMb").asLong()).isEqualTo(256);
        assertThat(tier.get("memoryOverridden").asBoolean()).isTrue();
        assertThat(tier.get("models").get(0).get("mayRun").asBoolean()).isFalse();
        assertThat(tier.get("models").get(0).get("reason").asText()).contains("needs 512 MB");
    }

    @Test
    void aNonPositiveOverrideIsAUsageErrorNotAStackTrace() {
        CommandRun r = run("probe", "--max-memory", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--max-memory must be a positive number of MB, got 0")
                .doesNotContain("Exception");
        CommandRun text = run("probe", "--max-memory", "lots");
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("--max-memory").doesNotContain("Exception");
    }

    @Test
    void theSummaryShowsGpusBatteryAndTemperatureWhenThereAreSome() {
        long gib = 1024L * 1024 * 1024;
        HardwareReport report = new HardwareReport(new OsInfo("Windows", "11", "amd64", false),
                new CpuInfo("Ryzen 9 7950X", "AuthenticAMD", 16, 32, Set.of(SimdFeature.AVX2, SimdFeature.AVX512F)),
                new MemoryInfo(64 * gib, 40 * gib),
                List.of(new GpuInfo("NVIDIA", "NVIDIA GeForce RTX 4090", OptionalLong.of(24564),
                                VramSource.NVIDIA_SMI, Optional.of("551.86")),
                        new GpuInfo("Advanced Micro Devices, Inc.", "AMD Radeon(TM) Graphics", OptionalLong.empty(),
                                VramSource.OSHI, Optional.empty())),
                new CudaStatus(true, Optional.of("551.86"), Optional.of(Path.of("C:/cuda/bin/cudart64_12.dll")),
                        "NVIDIA driver 551.86 with the CUDA 12 runtime"),
                new MetalStatus(false, OptionalLong.empty(), "not macOS"),
                Optional.of(new BatteryInfo(OptionalDouble.of(0.42), false, false)), OptionalDouble.of(54.5),
                Duration.ofMillis(120));
        String s = ProbeSummary.format(report, new TierClassifier().assess(report, Optional.empty()));
        assertThat(s).containsPattern("GPU 1:\\s+NVIDIA GeForce RTX 4090 \\(NVIDIA\\), 24564 MB VRAM, driver 551.86")
                .containsPattern("GPU 2:\\s+AMD Radeon\\(TM\\) Graphics .*, VRAM unknown\n")
                .containsPattern("Battery:\\s+42%, on battery\n")
                .containsPattern("CPU temperature:\\s+54.5 °C\n")
                .containsPattern("Tier:\\s+Hot on CUDA with 24564 MB\n")
                .containsPattern("CPU:\\s+Ryzen 9 7950X \\(AuthenticAMD\\), 16 physical / 32 logical cores, AVX2 AVX-512");
    }
}
