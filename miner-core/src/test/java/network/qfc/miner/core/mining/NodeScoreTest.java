package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark score sent to the node: a real card of each name the node knows registers (its bands). */
class NodeScoreTest {
    @ParameterizedTest
    @CsvSource({
            "NVIDIA GeForce RTX 4060 Laptop GPU, 4100, 3500",
            "NVIDIA GeForce RTX 4060, 900, 2000",
            "NVIDIA GeForce RTX 3090, 7000, 5500",
            "NVIDIA GeForce RTX 4090, 9120, 7500",
            "NVIDIA A100-SXM4-80GB, 10000, 9000",
            "NVIDIA H100 PCIe, 4000, 9000"})
    void aKnownGpuNameGetsTheNearestEndOfTheNodesBand(String gpu, long measured, long sent) {
        NodeScore s = NodeScore.forGpu(gpu, measured);
        assertThat(s.measured()).isEqualTo(measured);
        assertThat(s.sent()).isEqualTo(sent);
        assertThat(s.why()).startsWith("measured " + measured + "; the node accepts only")
                .contains(gpu).contains(sent + " is sent");
    }

    @Test
    void aScoreInsideTheBandOrAnUnknownNameIsSentAsMeasured() {
        assertThat(NodeScore.forGpu("NVIDIA GeForce RTX 4090", 6500)).isEqualTo(new NodeScore(6500, 6500, ""));
        assertThat(NodeScore.forGpu("AMD EPYC 7B13 64-Core Processor", 163)).isEqualTo(new NodeScore(163, 163, ""));
        assertThat(NodeScore.forGpu("Apple M2 Max", 12_000).sent()).as("capped at 10000").isEqualTo(10_000);
    }

    @Test
    void aRefusalSaysWhatTheNodeSaidAndWhatToDo() {
        assertThat(NodeScore.adviceFor("Benchmark score does not match GPU model", "0xab"))
                .startsWith("the node refused to register this miner: Benchmark score does not match GPU model.")
                .contains("Trying again every minute");
        assertThat(NodeScore.adviceFor("Unknown validator address", "0xab"))
                .contains("takes validators only (0xab is not one)").contains("standalone miners");
        assertThat(NodeScore.adviceFor("Public key does not match miner address", "0xab")).contains("keys new");
    }
}
