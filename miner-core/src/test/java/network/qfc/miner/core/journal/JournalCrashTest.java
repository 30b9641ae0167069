package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real JVM writing the journal (SIGKILL, no shutdown hooks, no close) and reopens what it left. */
class JournalCrashTest {
    @TempDir
    Path dir;

    @Test
    void aProofSignedBeforeTheKillIsPendingWithItsBytes() throws Exception {
        Path db = dir.resolve("journal.db");
        runAndKill(db, "signed", 1);
        try (ProofJournal j = ProofJournal.open(db)) {
            List<PendingProof> pending = j.unsentOrUnanswered(System.currentTimeMillis());
            assertThat(pending).singleElement().satisfies(p -> {
                assertThat(p.taskId()).isEqualTo(id(1));
                assertThat(p.proofBytes()).isEqualTo(proof(1));
                assertThat(p.resultData()).isEqualTo(result(1));
                assertThat(p.attempts()).isZero();
            });
            assertThat(j.beginSubmitAttempt(id(1))).isEqualTo(1);
        }
        assertIntact(db);
    }

    @Test
    void attemptsBegunBeforeTheKillAreKept() throws Exception {
        Path db = dir.resolve("journal.db");
        runAndKill(db, "attempted", 1);
        try (ProofJournal j = ProofJournal.open(db)) {
            PendingProof p = j.unsentOrUnanswered(System.currentTimeMillis()).get(0);
            assertThat(p.attempts()).isEqualTo(2);
            assertThat(p.proofBytes()).isEqualTo(proof(1));
            assertThat(j.find(id(1)).orElseThrow().state()).isEqualTo(TaskState.SUBMITTING);
            assertThat(j.beginSubmitAttempt(id(1))).isEqualTo(3);
        }
        assertIntact(db);
    }

    @Test
    void aKillInTheMiddleOfAStreamOfWritesLosesNothingThatWasReported() throws Exception {
        Path db = dir.resolve("journal.db");
        List<String> lines = runAndKill(db, "stream", 40);
        Set<Integer> signed = new HashSet<>();
        Set<Integer> attempted = new HashSet<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            (parts[0].equals("SIGNED") ? signed : attempted).add(Integer.parseInt(parts[1]));
        }
        assertThat(signed).hasSizeGreaterThanOrEqualTo(20);
        try (ProofJournal j = ProofJournal.open(db)) {
            List<PendingProof> pending = j.unsentOrUnanswered(System.currentTimeMillis());
            for (int n : signed) {
                PendingProof p = pending.stream().filter(x -> x.taskId().equals(id(n))).findFirst().orElseThrow();
                assertThat(p.proofBytes()).isEqualTo(proof(n));
                assertThat(p.attempts()).isEqualTo(attempted.contains(n) ? 1 : 0);
            }
            // whatever the child did after its last report is either fully there or absent, never half a step
            for (JournalEntry e : j.recent(10_000)) {
                if (e.state() == TaskState.SIGNED || e.state() == TaskState.SUBMITTING) {
                    assertThat(e.proofBytes()).isNotNull();
                }
                if (e.state() != TaskState.FETCHED) {
                    assertThat(e.outputHash()).isNotNull();
                }
            }
        }
        assertIntact(db);
    }

    /** Starts the child, reads {@code lines} lines, then kills it with SIGKILL. */
    private static List<String> runAndKill(Path db, String mode, int lines) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalCrashChild.class.getName(), db.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
                List<String> got = new java.util.ArrayList<>();
                try {
                    String line;
                    while (got.size() < lines && (line = out.readLine()) != null) {
                        if (!line.equals("READY")) {
                            got.add(line);
                        } else {
                            return got;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return got;
            });
            List<String> got = read.get(120, TimeUnit.SECONDS);
            assertThat(p.isAlive()).as("the child is still running when killed").isTrue();
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            return got;
        } finally {
            p.destroyForcibly();
        }
    }

    private static void assertIntact(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("ok");
        }
    }
}
