package network.qfc.miner.devnet.mining;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerSettings;

/** A miner running in this process (the real runtime) and every event it published, for the end-to-end tests. */
public record MinerRun(MinerRuntime runtime, List<MinerEvent> events) {

    public static MinerRun start(MinerSettings settings) {
        MinerRuntime runtime = new MinerRuntime(settings);
        List<MinerEvent> events = new CopyOnWriteArrayList<>();
        runtime.events().subscribe("test", 100_000, events::add);
        runtime.start().orTimeout(120, TimeUnit.SECONDS).join();
        return new MinerRun(runtime, events);
    }

    public <T extends MinerEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void awaitStopped() throws Exception {
        runtime.stopped().get(180, TimeUnit.SECONDS);
    }

    /** Waits (polling every 20 ms) until {@code done} holds; fails after {@code timeout}. */
    public void await(String what, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what + "; events: " + events.size());
            }
            Thread.sleep(20);
        }
    }

    public void stop() throws Exception {
        runtime.stop().get(60, TimeUnit.SECONDS);
    }

    public static List<JournalEntry> journal(Path data) {
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            return j.recent(10_000);
        }
    }
}
