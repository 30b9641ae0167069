package network.qfc.miner.core.journal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one SQLite connection of a journal, with its settings (WAL, {@code synchronous=FULL}, busy timeout), owner-only
 * file permissions, and serialized transactions that map SQLite failures to {@link JournalException}s.
 */
final class JournalDatabase implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 5_000;

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean closed;

    private JournalDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static JournalDatabase open(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        prepareFile(file);
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw JournalException.from(file, "opening it", e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // Only takes effect on a new, empty database; lets compaction hand freed pages back to the disk.
            s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            s.execute("PRAGMA journal_mode = WAL");
            // Every commit is on disk (WAL fsynced) before the call returns: a proof recorded is a proof kept,
            // even through a power cut. Writes are few (a handful per proof), so the cost does not matter.
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close(); // fails now on a file that is not a database
        } catch (SQLException e) {
            closeQuietly(c);
            throw JournalException.from(file, "opening it", e);
        }
        JournalDatabase db = new JournalDatabase(file, c);
        try {
            JournalSchema.migrate(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        restrictPermissions(file.resolveSibling(file.getFileName() + "-wal"));
        restrictPermissions(file.resolveSibling(file.getFileName() + "-shm"));
        return db;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: all of it is committed, or none. */
    <T> T write(String doing, Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", doing, work);
    }

    /** Runs {@code work} in one read transaction, so multi-query reads see one consistent state. */
    <T> T read(String doing, Work<T> work) {
        return inTransaction("BEGIN", doing, work);
    }

    /** Runs a statement outside any transaction (PRAGMAs that cannot run inside one). */
    void executeOutsideTransaction(String doing, String sql) {
        lock.lock();
        try {
            ensureOpen();
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw JournalException.from(file, doing, e);
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransaction(String begin, String doing, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            try (Statement s = connection.createStatement()) {
                s.execute(begin);
            } catch (SQLException e) {
                throw JournalException.from(file, doing, e);
            }
            try {
                T result = work.run(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("COMMIT");
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly();
                throw JournalException.from(file, doing, e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing was committed either way
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new JournalException(JournalException.Reason.CLOSED, "the proof journal " + file + " is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(connection);
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates missing folders (owner-only on POSIX) and the file itself owner-only before SQLite opens it. */
    private static void prepareFile(Path file) {
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                if (posix()) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (!Files.exists(file)) {
                if (posix()) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            }
            restrictPermissions(file);
        } catch (IOException e) {
            throw new JournalException(JournalException.Reason.READ_ONLY,
                    "cannot create the proof journal " + file + " (" + e.getMessage() + "): make its folder writable"
                            + " by this user or choose another data directory", e);
        }
    }

    private static void restrictPermissions(Path f) {
        if (!posix() || !Files.exists(f)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new JournalException(JournalException.Reason.READ_ONLY,
                    "cannot make the proof journal " + f + " private to this user (" + e.getMessage() + "): check who owns it", e);
        }
    }
}
