package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void threadsRecordingDifferentTasksAllLand() throws Exception {
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try (ProofJournal j = ProofJournal.open(dir.resolve("journal.db"))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread + 1;
                futures.add(pool.submit(() -> {
                    for (int n = first; n < first + perThread; n++) {
                        answered(j, n, T0 + n, n % 3 != 0, n % 5 == 0);
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> { // a reader (the dashboard) at the same time
                for (int i = 0; i < 50; i++) {
                    Counters c = j.counters(0);
                    assertThat(c.accepted() + c.rejected()).isLessThanOrEqualTo(c.tasks());
                    j.recent(20);
                }
                return null;
            }));
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            int total = threads * perThread;
            long rejected = java.util.stream.IntStream.rangeClosed(1, total).filter(n -> n % 3 == 0).count();
            long spot = java.util.stream.IntStream.rangeClosed(1, total).filter(n -> n % 5 == 0).count();
            assertThat(j.counters(0)).isEqualTo(new Counters(total, total - rejected, spot, rejected, 0, 0));
            for (int n = 1; n <= total; n++) {
                assertThat(j.find(id(n)).orElseThrow().proofBytes()).isEqualTo(proof(n));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAttemptsOnOneTaskGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ProofJournal j = ProofJournal.open(dir.resolve("journal.db"))) {
            signed(j, 1, T0, Long.MAX_VALUE);
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> j.beginSubmitAttempt(id(1)));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                numbers.add(f.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
            assertThat(j.find(id(1)).orElseThrow().attempts()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
