package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.events.LiveSnapshot;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.ProofLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout negotiation per endpoint, remembered in a real SQLite journal. */
class LayoutNegotiatorTest {
    private static final String NODE = "http://127.0.0.1:8545";

    @TempDir
    Path dir;

    private final List<MinerEvent> events = new CopyOnWriteArrayList<>();

    private MinerFeed feed(EventBus bus) {
        bus.subscribe("test", events::add);
        return new MinerFeed(bus, new LiveSnapshot(MinerSnapshot.starting(NODE, "inference", Instant.EPOCH),
                Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void cFirstThenBThenAAndTheAnswerSurvivesARestart() {
        try (ProofJournal journal = ProofJournal.open(dir.resolve("journal.db")); EventBus bus = new EventBus()) {
            MinerFeed feed = feed(bus);
            LayoutNegotiator n = new LayoutNegotiator(journal, NODE, feed);
            assertThat(n.known()).isEmpty();
            assertThat(n.current()).isEqualTo(ProofLayout.C);
            Set<ProofLayout> tried = EnumSet.of(ProofLayout.C);
            assertThat(n.next(ProofLayout.C, tried)).hasValue(ProofLayout.B);
            tried.add(ProofLayout.B);
            assertThat(n.next(ProofLayout.B, tried)).as("B before A: a B node reads an A proof's CPU as ROCm")
                    .hasValue(ProofLayout.A);
            assertThat(n.next(ProofLayout.A, EnumSet.allOf(ProofLayout.class))).as("none left").isEmpty();
            n.decodes(ProofLayout.A);
            assertThat(n.current()).isEqualTo(ProofLayout.A);
            assertThat(feed.snapshot().node().proofLayout()).isEqualTo("A");
            assertThat(journal.nodeLayout(NODE)).hasValue("A");
            assertThat(journal.nodeLayout("http://127.0.0.1:9999")).as("per endpoint").isEmpty();
        }
        try (ProofJournal journal = ProofJournal.open(dir.resolve("journal.db")); EventBus bus = new EventBus()) {
            MinerFeed feed = feed(bus);
            LayoutNegotiator again = new LayoutNegotiator(journal, NODE, feed);
            assertThat(again.known()).hasValue(ProofLayout.A);
            assertThat(again.current()).isEqualTo(ProofLayout.A);
            assertThat(feed.snapshot().node().proofLayout()).isEqualTo("A");
            // the node was upgraded: it no longer decodes A; negotiating again forgets the remembered answer
            assertThat(again.next(ProofLayout.A, EnumSet.of(ProofLayout.A))).hasValue(ProofLayout.C);
            assertThat(again.known()).isEmpty();
            assertThat(journal.nodeLayout(NODE)).isEmpty();
        }
        assertThat(events).filteredOn(MinerEvent.ProofLayoutChosen.class::isInstance)
                .extracting(e -> ((MinerEvent.ProofLayoutChosen) e).how())
                .anySatisfy(h -> assertThat(h).startsWith("negotiated"))
                .anySatisfy(h -> assertThat(h).startsWith("remembered"));
    }

    @Test
    void oneProofFindsOutTheLayoutWhileTheOthersWait() {
        try (ProofJournal journal = ProofJournal.open(dir.resolve("journal.db")); EventBus bus = new EventBus()) {
            LayoutNegotiator n = new LayoutNegotiator(journal, NODE, feed(bus));
            assertThat(n.mayNegotiate("task-1")).isTrue();
            assertThat(n.mayNegotiate("task-2")).isTrue();
            n.negotiating("task-1");
            assertThat(n.mayNegotiate("task-1")).isTrue();
            assertThat(n.mayNegotiate("task-2")).as("waits for task-1's answer").isFalse();
            n.settled("task-1");
            assertThat(n.mayNegotiate("task-2")).as("task-1 gave up: another may try").isTrue();
            n.negotiating("task-2");
            n.decodes(ProofLayout.B);
            assertThat(n.mayNegotiate("task-3")).as("known: everyone sends").isTrue();
        }
    }
}
