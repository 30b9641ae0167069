package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.T0;
import static network.qfc.miner.core.journal.JournalFixtures.id;
import static network.qfc.miner.core.journal.JournalFixtures.proof;
import static network.qfc.miner.core.journal.JournalFixtures.signed;
import static network.qfc.miner.core.journal.JournalFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's additions for node generations, on a real SQLite file. */
class NodeGenerationJournalTest {
    @TempDir
    Path dir;

    private ProofJournal open() {
        return ProofJournal.open(dir.resolve("journal.db"), Clock.fixed(Instant.ofEpochMilli(T0 + 50), ZoneOffset.UTC));
    }

    @Test
    void aSkippedTaskIsNeitherAFailureNorAProofToSend() {
        try (ProofJournal j = open()) {
            assertThat(j.recordSkipped(task(1, T0, T0 + 30_000), "this miner does not run qfc-whisper-base yet", T0 + 1))
                    .isTrue();
            assertThat(j.recordSkipped(task(1, T0, T0 + 30_000), "again", T0 + 2)).as("once").isFalse();
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.SKIPPED);
            assertThat(e.state().isTerminal()).isTrue();
            assertThat(e.failureReason()).isEqualTo("this miner does not run qfc-whisper-base yet");
            assertThat(j.unsentOrUnanswered(T0)).isEmpty();
            Counters c = j.counters(0);
            assertThat(c.failed()).as("not a failure").isZero();
            assertThat(c.rejected()).isZero();
            assertThat(j.recent(10)).extracting(JournalEntry::state).containsExactly(TaskState.SKIPPED);
        }
    }

    @Test
    void aReSignedProofReplacesTheBytesOnlyUntilTheNodeAnswers() {
        try (ProofJournal j = open()) {
            signed(j, 2, T0, T0 + 60_000);
            j.recordProofLayout(id(2), "C");
            assertThat(j.proofLayout(id(2))).hasValue("C");
            j.beginSubmitAttempt(id(2));
            j.recordResigned(id(2), proof(99), "B");
            assertThat(j.find(id(2)).orElseThrow().proofBytes()).isEqualTo(proof(99));
            assertThat(j.proofLayout(id(2))).hasValue("B");
            assertThat(j.unsentOrUnanswered(T0)).singleElement()
                    .satisfies(p -> assertThat(p.proofBytes()).as("a resend carries the new bytes").isEqualTo(proof(99)));
            j.beginSubmitAttempt(id(2));
            j.recordAnswer(id(2), true, false, "ok", T0 + 100);
            assertThatThrownBy(() -> j.recordResigned(id(2), proof(100), "A"))
                    .isInstanceOf(JournalException.class).hasMessageContaining("only a proof the node has not answered");
            assertThat(j.find(id(2)).orElseThrow().proofBytes()).isEqualTo(proof(99));
        }
    }

    @Test
    void theLayoutANodeTookSurvivesARestart() {
        try (ProofJournal j = open()) {
            assertThat(j.nodeLayout("http://127.0.0.1:8545")).isEmpty();
            j.rememberNodeLayout("http://127.0.0.1:8545", "C");
            j.rememberNodeLayout("https://rpc.testnet.qfc.network:443", "A");
        }
        try (ProofJournal j = open()) {
            assertThat(j.nodeLayout("http://127.0.0.1:8545")).hasValue("C");
            assertThat(j.nodeLayout("https://rpc.testnet.qfc.network:443")).hasValue("A");
            j.rememberNodeLayout("http://127.0.0.1:8545", "B");
            assertThat(j.nodeLayout("http://127.0.0.1:8545")).hasValue("B");
            j.forgetNodeLayout("http://127.0.0.1:8545");
            assertThat(j.nodeLayout("http://127.0.0.1:8545")).isEmpty();
        }
    }
}
