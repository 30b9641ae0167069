package network.qfc.miner.devnet.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Blake3;
import org.junit.jupiter.api.Test;

/** The challenge draw: deterministic per (miner, fetch), and over many fetches at the node's rates. */
class ChallengeScheduleTest {
    private final ChallengeSchedule adaptive = new ChallengeSchedule(OptionalDouble.empty());

    private static Address miner(int i) {
        byte[] a = new byte[20];
        System.arraycopy(Blake3.hash(new byte[] {(byte) i}), 0, a, 0, 20);
        return Address.of(a);
    }

    private long injected(Address miner, long fetches, long tasksCompleted, int reputation) {
        return LongStream.range(0, fetches).filter(d -> adaptive.shouldInject(miner, d, tasksCompleted, reputation)).count();
    }

    @Test
    void theNodesRatesByTasksCompletedAndReputation() {
        assertThat(adaptive.rate(0, 5000)).isEqualTo(0.10);
        assertThat(adaptive.rate(99, 9000)).isEqualTo(0.10);
        assertThat(adaptive.rate(100, 7999)).isEqualTo(0.08);
        assertThat(adaptive.rate(100, 8000)).isEqualTo(0.05);
        assertThat(new ChallengeSchedule(OptionalDouble.of(0.3)).rate(0, 0)).isEqualTo(0.3);
    }

    @Test
    void withTheTasksCompletedStuckEveryFetchIsStillAFreshDrawAtTheRate() {
        // passed challenges do not raise tasksCompleted: the draw must not stick on one answer
        for (int m = 0; m < 8; m++) {
            assertThat(injected(miner(m), 500, 0, 5000)).as("miner %d, 10 %% of 500", m).isBetween(30L, 75L);
            assertThat(injected(miner(m), 500, 150, 5000)).as("miner %d, 8 %% of 500", m).isBetween(22L, 62L);
            assertThat(injected(miner(m), 500, 150, 9000)).as("miner %d, 5 %% of 500", m).isBetween(10L, 45L);
        }
    }

    @Test
    void theDrawIsDeterministicAndFixedRatesAreHonoured() {
        Address a = miner(1);
        for (long d = 0; d < 100; d++) {
            assertThat(adaptive.shouldInject(a, d, 0, 5000)).isEqualTo(adaptive.shouldInject(a, d, 0, 5000));
        }
        ChallengeSchedule always = new ChallengeSchedule(OptionalDouble.of(1.0));
        ChallengeSchedule never = new ChallengeSchedule(OptionalDouble.of(0.0));
        assertThat(LongStream.range(0, 200).allMatch(d -> always.shouldInject(a, d, 0, 0))).isTrue();
        assertThat(LongStream.range(0, 200).noneMatch(d -> never.shouldInject(a, d, 0, 0))).isTrue();
    }
}
