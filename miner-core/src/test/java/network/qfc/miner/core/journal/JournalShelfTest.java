package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.T0;
import static network.qfc.miner.core.journal.JournalFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal per network, on real SQLite files. */
class JournalShelfTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
    private static final NetworkIdentity MAINNET = new NetworkIdentity(9001, 0, "https://rpc.qfc.network");
    private static final NetworkIdentity TESTNET = new NetworkIdentity(9000, 0, "https://rpc.testnet.qfc.network");

    @TempDir
    Path data;

    @Test
    void eachNetworkSeesOnlyItsOwnTasksAndProofs() {
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            ProofJournal main = shelf.forNetwork(MAINNET);
            JournalFixtures.signed(main, 1, T0, T0 + 60_000);
            ProofJournal test = shelf.forNetwork(TESTNET);

            assertThat(test.contains(id(1))).isFalse();
            assertThat(test.unsentOrUnanswered(T0)).as("nothing of mainnet is resent to testnet").isEmpty();
            assertThat(test.counters(0).tasks()).isZero();
            assertThat(main.unsentOrUnanswered(T0)).extracting(PendingProof::taskId).containsExactly(id(1));
            assertThat(shelf.current()).containsSame(test);
            assertThat(test.network().orElseThrow().identity()).isEqualTo(TESTNET);
            assertThat(test.network().orElseThrow().chosenAtMs()).isEqualTo(T0);
        }
    }

    @Test
    void theNetworkUsedLastIsTheCurrentOneAfterARestart() {
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            JournalFixtures.answered(shelf.forNetwork(TESTNET), 1, T0, true, false);
        }
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            ProofJournal j = shelf.current().orElseThrow();
            assertThat(j.network().orElseThrow().identity().key()).isEqualTo("chain-9000");
            assertThat(j.find(id(1))).isPresent();
        }
    }

    @Test
    void aJournalRefusesToServeAnotherNetwork() {
        Path file = data.resolve("journals").resolve(TESTNET.key() + ".db");
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            shelf.forNetwork(TESTNET);
        }
        try (ProofJournal j = ProofJournal.open(file)) {
            assertThatThrownBy(() -> j.claim(MAINNET)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("belongs to testnet").hasMessageContaining("never sent to another network");
        }
    }

    @Test
    void aJournalOfTheFirstSchemaMigratesKeepingItsTasksWithNoNetwork() throws Exception {
        Path legacy = data.resolve("journal.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + legacy); Statement s = c.createStatement()) {
            for (String sql : JournalSchema.MIGRATIONS.get(0)) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 0)");
            s.execute("INSERT INTO tasks (task_id, state, epoch, model_name, model_version, task_type, input_size,"
                    + " deadline_ms, fetched_at) VALUES ('" + id(7) + "', 'FETCHED', 1, 'm', 'v', 'embedding', 1, 1, 1)");
        }
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            ProofJournal old = shelf.current().orElseThrow();
            assertThat(old.file().getFileName().toString()).isEqualTo("journal.db");
            assertThat(old.network()).as("recorded before networks were told apart").isEmpty();
            assertThat(old.contains(id(7))).isTrue();
            ProofJournal main = shelf.forNetwork(MAINNET);
            assertThat(main.contains(id(7))).isFalse();
            assertThat(shelf.current()).containsSame(main);
        }
    }

    @Test
    void eachDevnetStartIsANetworkOfItsOwnAndOnlyTheNewestAreKept() throws Exception {
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            for (int start = 1; start <= JournalShelf.DEVNET_JOURNALS_KEPT + 2; start++) {
                ProofJournal j = shelf.forNetwork(new NetworkIdentity(1337, 1_700_000_000_000L + start, "http://127.0.0.1:1"));
                assertThat(j.contains(id(1))).as("start " + start + " sees none of the earlier ones' tasks").isFalse();
                JournalFixtures.signed(j, 1, T0, T0 + 60_000);
            }
        }
        try (Stream<Path> files = Files.list(data.resolve("journals"))) {
            // none is deleted while open: all are open in this shelf
            assertThat(files.filter(f -> f.toString().endsWith(".db"))).hasSize(JournalShelf.DEVNET_JOURNALS_KEPT + 2);
        }
        try (JournalShelf shelf = new JournalShelf(data, CLOCK)) {
            shelf.forNetwork(new NetworkIdentity(1337, 1_800_000_000_000L, "http://127.0.0.1:1"));
        }
        try (Stream<Path> files = Files.list(data.resolve("journals"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".db"))).hasSize(JournalShelf.DEVNET_JOURNALS_KEPT);
        }
    }
}
