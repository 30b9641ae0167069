package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Combined gates (the jail watch and the governor) and the news rule of the loop's pause and throttle events. */
class MiningGateTest {

    private static final class Recording implements MiningGate {
        final GateDecision decision;
        final List<Duration> heard = new ArrayList<>();

        Recording(GateDecision decision) {
            this.decision = decision;
        }

        @Override
        public GateDecision decide() {
            return decision;
        }

        @Override
        public void taskDone(Duration busy) {
            heard.add(busy);
        }
    }

    @Test
    void bothGatesHearEachTasksBusyTime() {
        Recording jail = new Recording(GateDecision.RUN);
        Recording governor = new Recording(new GateDecision.Throttle(Duration.ofMillis(40), "throttled: CPU cap 50%"));
        MiningGate both = jail.and(governor);

        both.taskDone(Duration.ofMillis(25));

        assertThat(jail.heard).containsExactly(Duration.ofMillis(25));
        assertThat(governor.heard).containsExactly(Duration.ofMillis(25));
        assertThat(both.decide()).isEqualTo(governor.decision);
    }

    @Test
    void aPauseWinsOverAThrottleAndTheLongerDelayOverTheShorter() {
        GateDecision pause = new GateDecision.Pause("jailed until 14:05");
        GateDecision shortWait = new GateDecision.Throttle(Duration.ofMillis(10), "a");
        GateDecision longWait = new GateDecision.Throttle(Duration.ofMillis(90), "b");
        assertThat(((MiningGate) () -> shortWait).and(() -> pause).decide()).isEqualTo(pause);
        assertThat(((MiningGate) () -> pause).and(() -> shortWait).decide()).isEqualTo(pause);
        assertThat(((MiningGate) () -> shortWait).and(() -> longWait).decide()).isEqualTo(longWait);
        assertThat(((MiningGate) () -> longWait).and(() -> shortWait).decide()).isEqualTo(longWait);
        assertThat(MiningGate.OPEN.and(MiningGate.OPEN).decide()).isEqualTo(GateDecision.RUN);
    }

    @Test
    void changedFiguresAreNotNewsButAChangedReasonIs() {
        assertThat(TaskLoop.sameKind("throttled: other programs use 63% of the CPU",
                "throttled: other programs use 71% of the CPU")).isTrue();
        assertThat(TaskLoop.sameKind("jailed until 14:05 (5 h 59 min left)", "jailed until 14:05 (5 h 58 min left)"))
                .isTrue();
        assertThat(TaskLoop.sameKind("paused: on battery power", "paused: battery at 12% (minimum 20%)")).isFalse();
        assertThat(TaskLoop.sameKind("throttled: CPU cap 50% (1 of 2 threads)",
                "throttled: other programs use 63% of the CPU")).isFalse();
    }
}
