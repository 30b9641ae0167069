package network.qfc.miner.devnet.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.SignedTask;
import network.qfc.miner.core.journal.TaskRecord;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.devnet.DevnetNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journal per network, with real parts: devnets on loopback (each start a network of its own: its task ids start
 * over), the real engine and model, real SQLite files in one data folder.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NetworkJournalsTest {

    private static List<MinerEvent> mine(DevnetNode node, Path data, long proofs) throws Exception {
        MinerRuntime runtime = new MinerRuntime(MiningDevnets.settings(node.url().toString(), data).withLimits(proofs, null));
        List<MinerEvent> events = new CopyOnWriteArrayList<>();
        runtime.events().subscribe("test", 100_000, events::add);
        runtime.start().orTimeout(120, TimeUnit.SECONDS).join();
        runtime.stopped().get(180, TimeUnit.SECONDS);
        return events;
    }

    private static <T extends MinerEvent> List<T> of(List<MinerEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Path> journals(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("journals"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db")).sorted().toList();
        }
    }

    @Test
    void twoDevnetRunsOnOneDataFolderWasteNoInference() throws Exception {
        Path data = MiningDevnets.dataDir("two-devnet-runs");
        List<MinerEvent> first;
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open())) {
            first = mine(node, data, 4);
        }
        List<MinerEvent> second;
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open())) { // started again: the same task ids are handed out
            second = mine(node, data, 4);
        }
        List<String> firstIds = of(first, MinerEvent.ProofResult.class).stream().map(MinerEvent.ProofResult::taskId).toList();
        List<String> secondIds = of(second, MinerEvent.ProofResult.class).stream().map(MinerEvent.ProofResult::taskId).toList();
        assertThat(secondIds).hasSize(4);
        assertThat(secondIds).as("a restarted devnet starts its task ids over").containsAnyElementsOf(firstIds);
        assertThat(of(second, MinerEvent.InferenceDone.class)).as("every task computed was sent and answered")
                .hasSize(secondIds.size());
        assertThat(of(second, MinerEvent.ProofResult.class)).allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
        assertThat(journals(data)).as("one journal per devnet start").hasSize(2);
    }

    @Test
    void switchingNetworksKeepsJournalsApartAndNeverSendsAProofToAnotherOne() throws Exception {
        Path data = MiningDevnets.dataDir("switching-networks");
        try (DevnetNode a = MiningDevnets.start(MiningDevnets.open()); DevnetNode b = MiningDevnets.start(MiningDevnets.open())) {
            List<MinerEvent> onA = mine(a, data, 3);
            Path journalA = journals(data).get(0);
            String leftOver = "ab".repeat(32);
            try (ProofJournal j = ProofJournal.open(journalA)) { // a proof A never got: only A may ever see it
                long now = System.currentTimeMillis();
                j.recordSignedTasks(List.of(new SignedTask(new TaskRecord(leftOver, 1, "qfc-embed-small", "v1.0",
                        "embedding", 10, now + 600_000, now), "cd".repeat(32), 5, "CPU", 1_000_000_000L, now,
                        new byte[] {1, 2, 3}, null)));
            }

            List<MinerEvent> onB = mine(b, data, 3);

            List<Path> files = journals(data);
            assertThat(files).hasSize(2);
            Path journalB = files.stream().filter(f -> !f.equals(journalA)).findFirst().orElseThrow();
            try (ProofJournal ja = ProofJournal.open(journalA); ProofJournal jb = ProofJournal.open(journalB)) {
                assertThat(ja.network().orElseThrow().identity().key())
                        .isNotEqualTo(jb.network().orElseThrow().identity().key());
                JournalEntry kept = ja.find(leftOver).orElseThrow();
                assertThat(kept.state()).as("never sent to B").isEqualTo(TaskState.SIGNED);
                assertThat(kept.attempts()).isZero();
                assertThat(jb.contains(leftOver)).isFalse();
                assertThat(jb.recent(100)).extracting(e -> e.task().taskId()).containsExactlyInAnyOrderElementsOf(
                        of(onB, MinerEvent.ProofResult.class).stream().map(MinerEvent.ProofResult::taskId).toList());
                assertThat(ja.recent(100)).extracting(e -> e.task().taskId()).containsAll(
                        of(onA, MinerEvent.ProofResult.class).stream().map(MinerEvent.ProofResult::taskId).toList());
            }
            assertThat(of(onB, MinerEvent.ProofResult.class)).extracting(MinerEvent.ProofResult::taskId)
                    .doesNotContain(leftOver);
        }
    }
}
