package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's own page limit makes it answer SQLITE_FULL for real, as a full disk would. */
class JournalDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsAClearErrorAndLosesNothing() throws Exception {
        Path db = dir.resolve("journal.db");
        byte[] bigProof = new byte[256 * 1024];
        java.util.Arrays.fill(bigProof, (byte) 7);
        try (ProofJournal j = ProofJournal.open(db)) {
            signed(j, 1, T0, T0 + 60_000);
            j.recordFetched(task(2, T0, T0 + 60_000));
            j.recordInferred(id(2), hash(2), 5, "CPU", 9, T0);
            j.limitPages(1); // SQLite caps it at the current size: no room to grow

            assertThatThrownBy(() -> j.recordSigned(id(2), bigProof, bigProof))
                    .isInstanceOf(JournalException.class)
                    .hasMessage("the disk holding " + db.toAbsolutePath() + " is full: free some space; mining paused, nothing was lost")
                    .extracting(t -> ((JournalException) t).reason()).isEqualTo(JournalException.Reason.DISK_FULL);

            // the failed write left nothing behind; what was there before is intact
            assertThat(j.find(id(2)).orElseThrow().state()).isEqualTo(TaskState.INFERRED);
            assertThat(j.find(id(2)).orElseThrow().proofBytes()).isNull();
            assertThat(j.unsentOrUnanswered(T0).get(0).proofBytes()).isEqualTo(proof(1));

            j.limitPages(1_000_000); // space freed
            j.recordSigned(id(2), bigProof, bigProof);
            assertThat(j.find(id(2)).orElseThrow().proofBytes()).isEqualTo(bigProof);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("ok");
        }
    }
}
