package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DutyCycleTest {

    static Stream<Arguments> table() {
        // cores N, cap C, busy B (ms), expected threads T = max(1, floor(N*C)), expected pause S = B*(T/N/C - 1)+
        return Stream.of(
                Arguments.of(2, 0.5, 1000, 1, 0),
                Arguments.of(2, 1.0, 1000, 2, 0),
                Arguments.of(2, 0.1, 1000, 1, 4000),
                Arguments.of(2, 0.25, 800, 1, 800),
                Arguments.of(1, 0.5, 1000, 1, 1000),
                Arguments.of(1, 0.1, 200, 1, 1800),
                Arguments.of(3, 0.25, 600, 1, 200),
                Arguments.of(4, 0.3, 1000, 1, 0),
                Arguments.of(4, 0.1, 1000, 1, 1500),
                Arguments.of(8, 0.3, 1000, 2, 0),
                Arguments.of(10, 0.3, 1000, 3, 0),
                Arguments.of(16, 0.1, 1000, 1, 0),
                Arguments.of(16, 0.5, 1000, 8, 0));
    }

    @ParameterizedTest(name = "N={0} C={1} B={2} ms -> T={3}, S={4} ms")
    @MethodSource("table")
    void threadsAndPauseFollowTheFormula(int cores, double cap, int busyMs, int threads, int pauseMs) {
        int t = DutyCycle.threads(cores, cap);
        Duration s = DutyCycle.pauseBetweenTasks(Duration.ofMillis(busyMs), t, cores, cap);

        assertThat(t).isEqualTo(threads);
        assertThat(s).isEqualTo(Duration.ofMillis(pauseMs));
    }

    @ParameterizedTest(name = "N={0} C={1}: the average share is at most the cap, and equal to it when pausing")
    @MethodSource("table")
    void theAverageShareHoldsTheCap(int cores, double cap, int busyMs, int threads, int pauseMs) {
        int t = DutyCycle.threads(cores, cap);
        double b = busyMs;
        double s = DutyCycle.pauseBetweenTasks(Duration.ofMillis(busyMs), t, cores, cap).toNanos() / 1e6;
        double share = (double) t / cores * b / (b + s);

        assertThat(share).isLessThanOrEqualTo(cap + 1e-9);
        if (s > 0) {
            assertThat(share).isCloseTo(cap, within(1e-9));
        }
    }

    @Test
    void measuredBusyShareUndoesTheDutyCycle() {
        // 50% measured while sleeping 200 ms after 1 s tasks: busy at 60%
        assertThat(DutyCycle.measuredBusyShare(0.5, Duration.ofSeconds(1), Duration.ofMillis(200)))
                .isCloseTo(0.6, within(1e-9));
        assertThat(DutyCycle.measuredBusyShare(0.9, Duration.ofSeconds(1), Duration.ofSeconds(1))).isEqualTo(1.0);
        assertThat(DutyCycle.measuredBusyShare(0.3, Duration.ZERO, Duration.ofSeconds(1))).isEqualTo(0.3);
    }

    @Test
    void measuredShareAboveTheCapAsksForALongerPause() {
        assertThat(DutyCycle.pauseBetweenTasks(Duration.ofSeconds(1), 0.75, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(DutyCycle.pauseBetweenTasks(Duration.ofSeconds(1), 0.4, 0.5)).isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> DutyCycle.threads(4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> DutyCycle.threads(4, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DutyCycle.threads(0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logical cores");
        assertThatThrownBy(() -> DutyCycle.pauseBetweenTasks(Duration.ofSeconds(-1), 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
