package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import network.qfc.miner.core.protocol.ModelId;
import org.junit.jupiter.api.Test;

/** Models stay loaded between tasks, report their layer, and the least recently used leaves over budget. */
class ModelPoolTest {
    private static final byte[] HELLO = "Hello world.".getBytes(StandardCharsets.UTF_8);

    @Test
    void layersAreHotWhenLoadedWarmOnDiskColdWhenMissing() {
        Path dir = TestModels.embedSmall();
        ModelId missing = new ModelId("qfc-classify-small", "v1.0");
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1))) {
            assertThat(engine.layers()).isEmpty();
            engine.preload(TestModels.EMBED_SMALL, dir);
            try {
                engine.embed(missing, TestModels.scratch("not-downloaded"), HELLO);
            } catch (ModelLoadException expected) {
                // not downloaded
            }
            assertThat(engine.layers()).containsExactly(Map.entry(TestModels.EMBED_SMALL, ModelLayer.HOT),
                    Map.entry(missing, ModelLayer.COLD));
            assertThat(engine.pool().unload(TestModels.EMBED_SMALL)).isTrue();
            assertThat(engine.layers()).containsEntry(TestModels.EMBED_SMALL, ModelLayer.WARM);
            assertThat(ModelLayer.WARM.wireName()).isEqualTo("warm");
        }
    }

    @Test
    void aLoadedModelIsReusedAcrossTasks() {
        Path dir = TestModels.embedSmall();
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1))) {
            EmbeddingModel first;
            try (ModelPool.Lease lease = engine.pool().acquire(TestModels.EMBED_SMALL, dir)) {
                first = lease.model();
            }
            engine.embed(TestModels.EMBED_SMALL, dir, HELLO);
            try (ModelPool.Lease lease = engine.pool().acquire(TestModels.EMBED_SMALL, dir)) {
                assertThat(lease.model()).isSameAs(first);
            }
        }
    }

    @Test
    void overTheBudgetTheLeastRecentlyUsedModelIsUnloadedAfterItsTaskEnds() {
        Path dir = TestModels.embedSmall();
        ModelId a = new ModelId("model-a", "v1");
        ModelId b = new ModelId("model-b", "v1");
        ModelId c = new ModelId("model-c", "v1");
        // each copy of MiniLM counts ~174 MB: two fit in 400 MB, three do not
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1).withMemoryBudgetMb(400))) {
            byte[] hash = engine.embed(a, dir, HELLO).outputHash();
            engine.embed(b, dir, HELLO);
            ModelPool.Lease busyB = engine.pool().acquire(b, dir);
            engine.embed(a, dir, HELLO);
            engine.embed(c, dir, HELLO);
            // a was used after b: b is the least recently used and leaves, even though a task still holds it
            assertThat(engine.layers()).containsEntry(a, ModelLayer.HOT).containsEntry(b, ModelLayer.WARM)
                    .containsEntry(c, ModelLayer.HOT);
            assertThat(busyB.model().isClosed()).isFalse();
            assertThat(busyB.model().embed(busyB.model().tokenizer().encode("Hello world."))).hasSize(384);
            busyB.close();
            assertThat(busyB.model().isClosed()).isTrue();
            assertThat(engine.pool().usedBytes()).isLessThanOrEqualTo(400L * 1024 * 1024);
            assertThat(engine.embed(b, dir, HELLO).outputHash()).isEqualTo(hash);
            assertThat(engine.layers()).containsEntry(a, ModelLayer.WARM);
        }
    }
}
