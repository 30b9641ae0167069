package network.qfc.miner.models;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The exclusive lock on a model folder ({@code .lock}, an OS file lock): held while a model is downloaded, seeded,
 * imported or removed, so two processes (GUI and headless) or two threads never write the same model at once. The
 * lock file itself is left in place (deleting lock files races); the OS releases the lock if the process dies.
 */
final class ModelFolderLock implements AutoCloseable {
    static final String FILE_NAME = ".lock";
    private static final long POLL_MS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private ModelFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits until the lock of {@code dir} is free and takes it. {@code onWait} runs once if it has to wait;
     * {@code cancelled} is polled while waiting.
     */
    static ModelFolderLock acquire(Path dir, Runnable onWait, BooleanSupplier cancelled) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean waited = false;
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by another channel of this JVM
                }
                if (l != null) {
                    return new ModelFolderLock(ch, l);
                }
                if (!waited) {
                    waited = true;
                    onWait.run();
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled while waiting for the lock of " + dir);
                }
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for the lock of " + dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
