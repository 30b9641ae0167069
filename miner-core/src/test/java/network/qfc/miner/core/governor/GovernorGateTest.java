package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import network.qfc.miner.core.mining.GateDecision;
import org.junit.jupiter.api.Test;

class GovernorGateTest {
    private static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 18, 12, 0, 0, 0, ZoneOffset.UTC);

    private static GovernorReadings readings(boolean onBattery) {
        return new GovernorReadings(0.10, 0.05, Optional.empty(), Optional.of(onBattery), OptionalInt.of(80),
                OptionalDouble.empty(), NOON, 2, Optional.of(Duration.ofMillis(20)));
    }

    @Test
    void noDecisionYetRuns() {
        assertThat(GovernorGate.toGate(Optional.empty())).isEqualTo(GateDecision.RUN);
    }

    @Test
    void aPauseStopsFetchingWithTheGovernorsReason() {
        GovernorDecision d = new Governor().decide(readings(true), GovernorPolicy.defaults(), Optional.empty());
        GateDecision g = GovernorGate.toGate(Optional.of(d));
        assertThat(g).isInstanceOf(GateDecision.Pause.class);
        assertThat(((GateDecision.Pause) g).reason()).isEqualTo(d.summary()).contains("battery");
    }

    @Test
    void aCpuCapThrottlesWithTheDutyCyclePause() {
        GovernorDecision d = new Governor().decide(readings(false), GovernorPolicy.defaults().withCpuCapPercent(50),
                Optional.empty());
        GateDecision g = GovernorGate.toGate(Optional.of(d));
        assertThat(g).isInstanceOf(GateDecision.Throttle.class);
        assertThat(((GateDecision.Throttle) g).delay()).isEqualTo(d.pauseBetweenTasks());
        assertThat(((GateDecision.Throttle) g).reason()).contains("CPU cap 50%");
    }

    @Test
    void noRuleMeansRun() {
        GovernorDecision d = new Governor().decide(readings(false), GovernorPolicy.defaults(), Optional.empty());
        assertThat(GovernorGate.toGate(Optional.of(d))).isEqualTo(GateDecision.RUN);
    }
}
