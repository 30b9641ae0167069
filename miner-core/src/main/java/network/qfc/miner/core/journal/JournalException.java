package network.qfc.miner.core.journal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The proof journal could not do what was asked. {@link #reason()} tells the miner how to react (e.g. pause mining
 * on {@link Reason#DISK_FULL}); the message says what happened and what to do, in the user's words. Whenever this is
 * thrown from a write, the write's transaction was rolled back: the journal is as it was before the call.
 */
public final class JournalException extends RuntimeException {
    /** Why the journal failed. */
    public enum Reason {
        /** The disk (or SQLite's page limit) is full. */
        DISK_FULL,
        /** The database file or its folder cannot be written. */
        READ_ONLY,
        /** Another program holds the database locked longer than the busy timeout. */
        BUSY,
        /** The file is not a database or is corrupt. */
        DAMAGED,
        /** The journal was written by a newer version of the app. */
        NEWER_SCHEMA,
        /** The task id is not in the journal. */
        UNKNOWN_TASK,
        /** The call does not fit the task's state (e.g. signing a task twice with different bytes). */
        ILLEGAL_TRANSITION,
        /** The journal was closed. */
        CLOSED,
        /** Any other I/O or SQL failure. */
        IO
    }

    private static final long serialVersionUID = 1L;
    private final Reason reason;

    JournalException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    JournalException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Maps an SQLite failure to a reason and a message a user can act on. */
    static JournalException from(Path file, String doing, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return switch (primary) {
            case 13 -> new JournalException(Reason.DISK_FULL,
                    "the disk holding " + file + " is full: free some space; mining paused, nothing was lost", e);
            case 8 -> new JournalException(Reason.READ_ONLY,
                    "the proof journal " + file + " cannot be written (read-only file, folder or disk): make it writable"
                            + " by this user; mining paused, nothing was lost", e);
            case 5, 6 -> new JournalException(Reason.BUSY,
                    "the proof journal " + file + " is locked by another program (is a second miner running on it?):"
                            + " stop the other program and try again", e);
            case 11, 26 -> new JournalException(Reason.DAMAGED,
                    "the proof journal " + file + " is damaged or not a journal: move it aside (the miner starts a new one)"
                            + " and keep the old file if you want to inspect it", e);
            case 10 -> new JournalException(Reason.IO,
                    "the disk holding " + file + " reported an I/O error while " + doing + ": check the disk;"
                            + " nothing was written", e);
            default -> new JournalException(Reason.IO,
                    "the proof journal " + file + " failed while " + doing + ": " + e.getMessage(), e);
        };
    }
}
