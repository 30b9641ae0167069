package network.qfc.miner.core.mining;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import network.qfc.miner.core.journal.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal writes that outlast a full disk: while the disk is full (or the journal read-only) a write is tried again
 * every 2 s, with {@link #blocked()} set so that mining pauses, until it succeeds (mining resumes) or {@code giveUp}
 * is raised (then the failure is thrown: the proof stays where the journal has it). Thread-safe: one entry per
 * writing thread.
 */
final class DurableWrites {
    private static final Logger LOG = LoggerFactory.getLogger(DurableWrites.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final StopSignal giveUp;
    private final Map<Thread, String> blocked = new ConcurrentHashMap<>();

    DurableWrites(StopSignal giveUp) {
        this.giveUp = Objects.requireNonNull(giveUp, "giveUp");
    }

    /** Why proofs cannot be journaled now (the journal's message), or null. */
    String blocked() {
        return blocked.values().stream().findFirst().orElse(null);
    }

    <T> T run(Supplier<T> write) {
        while (true) {
            try {
                T result = write.get();
                if (blocked.remove(Thread.currentThread()) != null) {
                    LOG.info("the proof journal can be written again");
                }
                return result;
            } catch (JournalException e) {
                if (e.reason() != JournalException.Reason.DISK_FULL && e.reason() != JournalException.Reason.READ_ONLY) {
                    throw e;
                }
                if (blocked.put(Thread.currentThread(), e.getMessage()) == null) {
                    LOG.warn("{}", e.getMessage());
                }
                if (!giveUp.sleep(RETRY)) {
                    blocked.remove(Thread.currentThread());
                    throw e;
                }
            }
        }
    }
}
