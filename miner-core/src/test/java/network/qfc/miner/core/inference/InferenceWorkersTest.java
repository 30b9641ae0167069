package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import network.qfc.miner.core.protocol.Hex;
import org.junit.jupiter.api.Test;

/**
 * The worker pool on the real model: more tasks than workers, every one on a worker thread, bytes equal to the
 * single-thread path, the weights loaded once, and a failing job reported on its own future.
 */
class InferenceWorkersTest {
    @Test
    void moreTasksThanWorkersGiveTheSingleThreadBytes() throws Exception {
        Path dir = TestModels.embedSmall();
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String s = DeterminismTest.INPUTS.get(i % DeterminismTest.INPUTS.size()) + (i % 7 == 0 ? "" : " #" + i);
            inputs.add(s.getBytes(StandardCharsets.UTF_8));
        }
        List<String> single = new ArrayList<>();
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1))) {
            for (byte[] in : inputs) {
                single.add(Hex.encode(engine.embed(TestModels.EMBED_SMALL, dir, in).outputBytes()));
            }
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1));
             InferenceWorkers workers = new InferenceWorkers(3)) {
            List<CompletableFuture<String>> futures = new ArrayList<>();
            for (byte[] in : inputs) {
                futures.add(workers.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    return Hex.encode(engine.embed(TestModels.EMBED_SMALL, dir, in).outputBytes());
                }));
            }
            List<String> pooled = futures.stream().map(CompletableFuture::join).toList();
            assertThat(pooled).isEqualTo(single);
            assertThat(threads).allMatch(t -> t.startsWith("qfc-inference-")).hasSizeGreaterThan(1);
            // one copy of the weights: every worker leased the same loaded model
            assertThat(engine.pool().usedBytes()).isEqualTo(2 * java.nio.file.Files.size(dir.resolve(EmbeddingModel.MODEL_FILE)));
        }
    }

    @Test
    void aFailingJobFailsOnlyItsOwnFuture() {
        try (InferenceWorkers workers = new InferenceWorkers(2)) {
            CompletableFuture<String> bad = workers.submit(() -> {
                throw new TaskInputException("the task input is not valid UTF-8 text");
            });
            CompletableFuture<String> good = workers.submit(() -> "ok");
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TaskInputException.class);
            assertThat(good.join()).isEqualTo("ok");
        }
    }

    @Test
    void zeroWorkersIsRefused() {
        assertThatThrownBy(() -> new InferenceWorkers(0)).hasMessageContaining("at least 1");
    }
}
