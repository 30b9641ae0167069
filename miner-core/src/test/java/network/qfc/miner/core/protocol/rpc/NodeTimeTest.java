package network.qfc.miner.core.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.qfc.miner.core.mining.NodeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node's clock from the HTTP {@code Date} header of its answers, through the real client, on loopback. */
class NodeTimeTest {
    private DatedNode node;
    private QfcRpcClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** A node whose clock reads this computer's plus {@code offset}, said in its Date header. */
    private NodeClock nodeWithClockOffBy(Duration offset, List<NodeClock> told) throws Exception {
        node = new DatedNode(offset);
        client = new QfcRpcClient(node.url());
        NodeClock clock = new NodeClock(Clock.systemUTC(), told::add);
        client.onNodeTime(clock);
        return clock;
    }

    @Test
    void aNodeClock42SecondsAheadIsSeenAndSaidPlainly() throws Exception {
        List<NodeClock> told = new ArrayList<>();
        NodeClock clock = nodeWithClockOffBy(Duration.ofSeconds(42), told);
        assertThat(clock.skew()).as("unknown before the first answer").isEmpty();
        assertThat(clock.warning()).isEmpty();
        for (int i = 0; i < 5; i++) {
            client.getEpoch();
        }
        Duration skew = clock.skew().orElseThrow();
        assertThat(skew.toMillis()).as("within the header's second and the round trip").isBetween(41_000L, 43_000L);
        assertThat(clock.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("your clock is 42 s behind the node's: proofs would be refused; turn on automatic time"));
        assertThat(told).as("told once the skew was known").isNotEmpty();
        assertThat(Duration.between(Instant.now(), clock.nodeNow()).toMillis()).isBetween(40_000L, 44_000L);
        assertThat(clock.clock().instant().getEpochSecond() - Instant.now().getEpochSecond()).isBetween(40L, 44L);
    }

    @Test
    void aNodeClock200SecondsBehindIsSaidAsAhead() throws Exception {
        NodeClock clock = nodeWithClockOffBy(Duration.ofSeconds(-200), new ArrayList<>());
        client.getEpoch();
        client.getEpoch();
        assertThat(clock.skew().orElseThrow().toMillis()).isBetween(-201_000L, -199_000L);
        assertThat(clock.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("your clock is 200 s ahead of the node's: proofs would be refused"));
    }

    @Test
    void aClockWithinFiveSecondsIsNotWarnedAbout() throws Exception {
        NodeClock clock = nodeWithClockOffBy(Duration.ZERO, new ArrayList<>());
        client.getEpoch();
        assertThat(clock.skew().orElseThrow().toMillis()).isBetween(-1_500L, 1_500L);
        assertThat(clock.warning()).isEmpty();
        assertThat(clock.correction()).as("under 2 s is noise: nothing corrected").isZero();
        assertThat(clock.toLocalMillis(123_456L)).isEqualTo(123_456L);
    }

    @Test
    void aClockSetMeanwhileStartsTheEstimateAgain() throws Exception {
        NodeClock clock = new NodeClock(Clock.systemUTC(), c -> { });
        long now = System.currentTimeMillis();
        clock.onNodeTime(now, now + 5, Instant.ofEpochMilli(now + 30_000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(clock.skew().orElseThrow().toMillis()).isBetween(28_500L, 31_500L);
        // the node's clock was corrected: the old bounds cannot hold the new answer
        clock.onNodeTime(now + 10, now + 15, Instant.ofEpochMilli(now + 10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(clock.skew().orElseThrow().toMillis()).isBetween(-1_500L, 1_500L);
        assertThat(clock.warning()).isEmpty();
    }
}
