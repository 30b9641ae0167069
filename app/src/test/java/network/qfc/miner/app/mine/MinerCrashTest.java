package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.devnet.DevnetNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import network.qfc.miner.devnet.mining.FlakyProxy;

/**
 * The headless miner as a real child process, killed with SIGKILL after it inferred, signed, journaled and sent a
 * proof whose answer never came; restarted, it resends the journaled bytes and the node accepts them once.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MinerCrashTest {

    private static Optional<JournalEntry> only(Path data) {
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            List<JournalEntry> rows = j.recent(100);
            return rows.stream().filter(e -> e.attempts() > 0).findFirst();
        }
    }

    @Test
    void aMinerKilledBetweenSendingAndTheAnswerResendsTheSameProofOnRestart() throws Exception {
        Devnets.modelDir();
        try (DevnetNode node = Devnets.start(Devnets.open().withTaskDeadlineMs(120_000));
             FlakyProxy proxy = new FlakyProxy(node.url())) {
            Path data = Devnets.dataDir("crash");
            Path keyFile = data.resolve("validator.key");
            Address address = Devnets.newKeyFile(keyFile);
            proxy.holdSubmits();
            Process first = Devnets.childMiner(List.of(), data, keyFile, proxy.url(), "first", "--max-proofs", "1");
            try {
                assertThat(proxy.awaitHeld(180)).as("the miner sent a proof: " + Files.readString(data.resolve("first.err")))
                        .isTrue();
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
                first.waitFor(30, TimeUnit.SECONDS);
            }
            JournalEntry held = only(data).orElseThrow();
            assertThat(held.state()).isEqualTo(TaskState.SUBMITTING);
            assertThat(held.attempts()).isEqualTo(1);
            assertThat(node.standing(address).orElseThrow().tasksCompleted()).isZero();

            Process second = Devnets.childMiner(List.of(), data, keyFile, node.url().toString(), "second",
                    "--max-proofs", "1");
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(data.resolve("second.err"))).isZero();

            JournalEntry resent = only(data).orElseThrow();
            assertThat(resent.taskId()).isEqualTo(held.taskId());
            assertThat(resent.state()).isEqualTo(TaskState.ANSWERED);
            assertThat(resent.accepted()).as(resent.nodeMessage()).isTrue();
            assertThat(resent.attempts()).isEqualTo(2);
            assertThat(resent.proofBytes()).as("the same signed bytes").isEqualTo(held.proofBytes());
            assertThat(node.standing(address).orElseThrow().tasksCompleted()).isEqualTo(1);
            String out = Files.readString(data.resolve("second.out"));
            assertThat(out).contains("\"event\":\"proof\"").contains("\"taskId\":\"" + held.taskId() + "\"")
                    .contains("\"accepted\":true").contains("\"event\":\"registered\"");
            for (String line : out.split("\n")) {
                assertThat(line).startsWith("{").endsWith("}");
            }
            assertThat(new File(data.resolve("second.err").toString())).exists();
        }
    }
}
