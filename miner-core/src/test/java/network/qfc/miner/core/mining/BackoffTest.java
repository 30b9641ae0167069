package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void noTaskWaitGrowsFromOneSecondToTenAndResetsOnATask() {
        NoTaskBackoff b = new NoTaskBackoff();
        List<Long> secs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            secs.add(b.nextDelay().toSeconds());
        }
        assertThat(secs).containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
        b.reset();
        assertThat(b.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void unreachableCeilingDoublesAndIsCappedAtSixtySeconds() {
        UnreachableBackoff b = new UnreachableBackoff(() -> 0.5);
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.ceiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(b.ceiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void unreachableDelayIsJitteredInTheUpperHalfOfEachStepAndNeverZero() {
        Random random = new Random(42);
        UnreachableBackoff b = new UnreachableBackoff(random::nextDouble);
        List<Long> delays = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            long d = b.nextDelay().toMillis();
            long ceiling = b.ceiling(n).toMillis();
            assertThat(d).isBetween(ceiling / 2, ceiling).isPositive();
            delays.add(d);
        }
        assertThat(delays.subList(10, 40)).allSatisfy(d -> assertThat(d).isBetween(30_000L, 60_000L));
        assertThat(delays.subList(10, 40).stream().distinct().count()).as("jitter spreads the waits").isGreaterThan(20);
        assertThat(b.failures()).isEqualTo(40);
        b.reset();
        assertThat(b.nextDelay().toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void extremeRandomValuesStayWithinTheStep() {
        assertThat(new UnreachableBackoff(() -> 0.0).nextDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(new UnreachableBackoff(() -> 0.9999999).nextDelay()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void nonsenseSchedulesAreRefused() {
        assertThatThrownBy(() -> new NoTaskBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnreachableBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
