package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComputeModeTest {

    @Test
    void parsesTheModesInAnyCase() {
        assertThat(ComputeMode.parse("Inference")).isEqualTo(ComputeMode.INFERENCE);
        assertThat(ComputeMode.parse(" auto ")).isEqualTo(ComputeMode.AUTO);
        assertThat(ComputeMode.parse("NONE")).isEqualTo(ComputeMode.NONE);
        assertThat(ComputeMode.parse(null)).isEqualTo(ComputeMode.INFERENCE);
        assertThat(ComputeMode.AUTO.wireName()).isEqualTo("auto");
    }

    @Test
    void powIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ComputeMode.parse("pow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node's own Blake3")
                .hasMessageContaining("inference, auto or none");
        assertThatThrownBy(() -> ComputeMode.parse("gpu")).hasMessageContaining("unknown compute mode 'gpu'");
    }

    @Test
    void combinedGatesLetThePauseWinThenTheLongerThrottle() {
        MiningGate run = MiningGate.OPEN;
        MiningGate slow = () -> new GateDecision.Throttle(Duration.ofSeconds(2), "cpu cap");
        MiningGate slower = () -> new GateDecision.Throttle(Duration.ofSeconds(5), "hot");
        MiningGate pause = () -> new GateDecision.Pause("on battery");
        assertThat(run.and(run).decide()).isInstanceOf(GateDecision.Run.class);
        assertThat(run.and(slow).decide()).isEqualTo(new GateDecision.Throttle(Duration.ofSeconds(2), "cpu cap"));
        assertThat(slow.and(slower).decide()).isEqualTo(new GateDecision.Throttle(Duration.ofSeconds(5), "hot"));
        assertThat(slower.and(slow).decide()).isEqualTo(new GateDecision.Throttle(Duration.ofSeconds(5), "hot"));
        assertThat(slow.and(pause).decide()).isEqualTo(new GateDecision.Pause("on battery"));
        assertThat(pause.and(run).decide()).isEqualTo(new GateDecision.Pause("on battery"));
    }
}
