package network.qfc.miner.core.journal;

import java.time.Instant;
import java.util.Arrays;

/** Known task data for the journal tests. */
final class JournalFixtures {
    static final long T0 = Instant.parse("2026-01-10T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    private JournalFixtures() {
    }

    static String id(int n) {
        return String.format("%064x", n);
    }

    static String hash(int n) {
        return String.format("%064x", 0xabc000000L + n);
    }

    static TaskRecord task(int n, long fetchedAt, long deadline) {
        return new TaskRecord(id(n), 1000 + n, "qfc-embed-small", "v1.0", "embedding", 40 + n, deadline, fetchedAt);
    }

    static byte[] proof(int n) {
        byte[] b = new byte[257];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + n);
        }
        return b;
    }

    static byte[] result(int n) {
        byte[] b = new byte[384 * 4];
        Arrays.fill(b, (byte) n);
        return b;
    }

    /** Fetched, inferred and signed: ready to submit. */
    static void signed(ProofJournal j, int n, long fetchedAt, long deadline) {
        j.recordFetched(task(n, fetchedAt, deadline));
        j.recordInferred(id(n), hash(n), 12 + n, "CPU", 1_000_000L + n, fetchedAt + 20);
        j.recordSigned(id(n), proof(n), result(n));
    }

    /** A whole life ending with the node's answer. */
    static void answered(ProofJournal j, int n, long fetchedAt, boolean accepted, boolean spotChecked) {
        signed(j, n, fetchedAt, fetchedAt + 60_000);
        j.beginSubmitAttempt(id(n));
        j.recordAnswer(id(n), accepted, spotChecked, accepted ? "ok" : "spot check failed", fetchedAt + 100);
    }
}
