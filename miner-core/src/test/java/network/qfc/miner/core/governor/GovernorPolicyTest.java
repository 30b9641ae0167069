package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GovernorPolicyTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withCpuCapPercent(5),
                        "the CPU cap must be between 10 and 100 %, got 5"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withCpuCapPercent(101),
                        "the CPU cap must be between 10 and 100 %, got 101"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withYieldToUser(true, 99),
                        "the yield threshold must be between 10 and 95 %"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withIdleOnlyMinutes(-1),
                        "idle-only minutes must be between 0 (off) and 1440"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withMinBatteryPercent(120),
                        "the minimum battery charge must be between 0 (off) and 100 %"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withMaxTemperatureC(OptionalDouble.of(0), 5),
                        "the maximum CPU temperature must be between 40 and 110 °C"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withMaxTemperatureC(OptionalDouble.of(90), -1),
                        "the temperature margin must be between 0 and 30 °C"),
                Arguments.of((UnaryOperator<GovernorPolicy>) p -> p.withSettleTime(Duration.ofHours(1)),
                        "the settle time must be between 0 and 10 minutes"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void badSettingsAreRefusedSayingTheRange(UnaryOperator<GovernorPolicy> change, String message) {
        assertThatThrownBy(() -> change.apply(GovernorPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void defaultsArePolite() {
        GovernorPolicy p = GovernorPolicy.defaults();

        assertThat(p.cpuCapPercent()).isEqualTo(100);
        assertThat(p.pauseOnBattery()).isTrue();
        assertThat(p.yieldToUser()).isTrue();
        assertThat(p.idleOnlyMinutes()).isZero();
        assertThat(p.maxTemperatureC()).hasValue(90);
        assertThat(p.temperatureMarginC()).isEqualTo(5);
        assertThat(p.schedule()).isSameAs(MiningSchedule.ALWAYS);
        assertThat(p.manualPause()).isEqualTo(ManualPause.NONE);
    }

    @Test
    void withersChangeOneRule() {
        GovernorPolicy p = GovernorPolicy.defaults().withCpuCapPercent(50).withIdleOnlyMinutes(5);

        assertThat(p.cpuCap()).isEqualTo(0.5);
        assertThat(p.idleOnlyMinutes()).isEqualTo(5);
        assertThat(p.withCpuCapPercent(100)).isEqualTo(GovernorPolicy.defaults().withIdleOnlyMinutes(5));
    }

    @Test
    void manualPauseHoldsUntilItsEnd() {
        Instant end = Instant.parse("2026-11-18T13:32:00Z");
        ManualPause p = ManualPause.until(end);

        assertThat(p.activeAt(end.minusSeconds(1))).isTrue();
        assertThat(p.activeAt(end)).isFalse();
        assertThat(ManualPause.UNTIL_RESUMED.activeAt(end)).isTrue();
        assertThat(ManualPause.NONE.activeAt(end)).isFalse();
    }
}
