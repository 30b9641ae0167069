package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import network.qfc.miner.core.protocol.ModelId;
import org.junit.jupiter.api.Test;

/** FLOPs the node expects, the true estimate, the benchmark score, physical cores, tokenizer settings, model ids. */
class EstimatesTest {
    @Test
    void nodeExpectedFlopsPerTaskType() {
        assertThat(FlopsEstimate.nodeExpected("embedding")).isEqualTo(1_000_000_000L);
        assertThat(FlopsEstimate.nodeExpected("image_classification")).isEqualTo(4_000_000_000L);
        assertThat(FlopsEstimate.nodeExpected("onnx")).isEqualTo(2_000_000_000L);
        assertThat(FlopsEstimate.nodeExpected("text_generation")).isEqualTo(1_792_000_000_000L);
        assertThatThrownBy(() -> FlopsEstimate.nodeExpected("poetry")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FlopsEstimate.trueEstimate(22_700_000L, 10)).isEqualTo(454_000_000L);
    }

    @Test
    void scoreIsAThousandPerTflopCappedAtTenThousand() {
        assertThat(HardwareBenchmark.score(0.25e12)).isEqualTo(250);
        assertThat(HardwareBenchmark.score(3.5e12)).isEqualTo(3500);
        assertThat(HardwareBenchmark.score(50e12)).isEqualTo(10_000);
        assertThat(HardwareBenchmark.score(0)).isZero();
        assertThat(HardwareBenchmark.score(Double.NaN)).isZero();
    }

    @Test
    void theBenchmarkMeasuresTheRealModel() {
        Path dir = TestModels.embedSmall();
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(2))) {
            HardwareBenchmark.Result r = new HardwareBenchmark(engine, TestModels.EMBED_SMALL, dir).run(Duration.ofMillis(300));
            assertThat(r.inferences()).isGreaterThanOrEqualTo(HardwareBenchmark.SENTENCES.size());
            // ~22.7 M parameters (91 MB fp32), 2 FLOPs each per real token
            long params;
            try (ModelPool.Lease l = engine.pool().acquire(TestModels.EMBED_SMALL, dir)) {
                params = l.model().parameters();
            }
            assertThat(params).isBetween(22_000_000L, 23_500_000L);
            assertThat(r.flops() % (2 * params)).isZero();
            assertThat(r.flopsPerSecond()).isEqualTo(r.flops() / (r.nanos() / 1e9));
            assertThat(r.score()).isEqualTo(HardwareBenchmark.score(r.flopsPerSecond())).isBetween(1L, 10_000L);
        }
    }

    @Test
    void physicalCoresCountDistinctCoresNotHyperThreads() {
        List<String> cpuinfo = List.of("processor : 0", "physical id : 0", "core id : 0", "",
                "processor : 1", "physical id : 0", "core id : 0", "",
                "processor : 2", "physical id : 0", "core id : 1", "",
                "processor : 3", "physical id : 1", "core id : 0");
        assertThat(PhysicalCores.fromCpuinfo(cpuinfo)).isEqualTo(3);
        assertThat(PhysicalCores.count()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void encodingLengthFollowsTheFilesPadding() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        TokenizerSettings fixed = TokenizerSettings.of(mapper.readTree(
                "{\"truncation\":{\"max_length\":128,\"strategy\":\"LongestFirst\",\"direction\":\"Right\"},"
                        + "\"padding\":{\"strategy\":{\"Fixed\":128},\"direction\":\"Right\",\"pad_to_multiple_of\":null}}"));
        assertThat(fixed.truncationMaxLength()).isEqualTo(128);
        assertThat(fixed.encodingLength(2)).isEqualTo(128);
        assertThat(fixed.encodingLength(128)).isEqualTo(128);
        TokenizerSettings none = TokenizerSettings.of(mapper.readTree("{\"truncation\":null,\"padding\":null}"));
        assertThat(none.truncationMaxLength()).isEqualTo(512);
        assertThat(none.truncationFromFile()).isFalse();
        assertThat(none.encodingLength(7)).isEqualTo(7);
        TokenizerSettings multiple = TokenizerSettings.of(mapper.readTree(
                "{\"padding\":{\"strategy\":\"BatchLongest\",\"direction\":\"Right\",\"pad_to_multiple_of\":8}}"));
        assertThat(multiple.encodingLength(9)).isEqualTo(16);
        assertThatThrownBy(() -> TokenizerSettings.of(mapper.readTree(
                "{\"truncation\":{\"max_length\":128,\"direction\":\"Left\"}}"))).hasMessageContaining("Left");
    }

    @Test
    void modelIdsReadAndWriteNameAtVersion() {
        ModelId id = ModelId.parse("qfc-embed-small@v1.0");
        assertThat(id).isEqualTo(new ModelId("qfc-embed-small", "v1.0"));
        assertThat(id.toString()).isEqualTo("qfc-embed-small@v1.0");
        assertThatThrownBy(() -> ModelId.parse("qfc-embed-small")).isInstanceOf(IllegalArgumentException.class);
    }
}
