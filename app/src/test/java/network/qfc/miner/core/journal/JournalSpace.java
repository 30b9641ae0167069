package network.qfc.miner.core.journal;

/** Test access to the journal's page cap: SQLite answers SQLITE_FULL for real once the file cannot grow. */
public final class JournalSpace {
    private JournalSpace() {
    }

    /** No room to grow from now on (as a full disk). */
    public static void fill(ProofJournal journal) {
        journal.limitPages(1);
    }

    /** Room again (space freed). */
    public static void free(ProofJournal journal) {
        journal.limitPages(1_000_000_000L);
    }
}
