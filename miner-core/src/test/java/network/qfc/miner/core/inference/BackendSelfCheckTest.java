package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.repository.zoo.Criteria;
import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import network.qfc.miner.core.protocol.ComputeBackend;
import org.junit.jupiter.api.Test;

/**
 * The canonical self-check with stand-in backends that really run here: ONNX Runtime at another graph optimisation
 * level, which computes different bits (refused: the model runs on the CPU and the reason is said), and the CPU's
 * own computation presented as a backend (accepted); the verdict kept per backend and model and read back.
 */
class BackendSelfCheckTest {
    /** "Metal" for the engine, but really ONNX Runtime on the CPU at {@code optLevel}. */
    private record StandIn(String optLevel) implements ExecutionProvider {
        @Override
        public ComputeBackend backend() {
            return ComputeBackend.METAL;
        }

        @Override
        public void addTo(OrtSession.SessionOptions options) {
            // starts everywhere: it is the CPU
        }

        @Override
        public void configure(Criteria.Builder<TokenizedInput, float[]> criteria) {
            criteria.optOption("optLevel", optLevel);
        }
    }

    private static final ExecutionProvider CPU = new ExecutionProvider() {
        @Override
        public ComputeBackend backend() {
            return ComputeBackend.CPU;
        }

        @Override
        public void addTo(OrtSession.SessionOptions options) {
        }
    };

    private static InferenceEngine engine(String optLevel, BackendSelfCheck check) {
        return new InferenceEngine(TestModels.cpu(1).withPreference(BackendPreference.AUTO),
                List.of(new StandIn(optLevel), CPU), check);
    }

    private static EmbeddingResult embed(InferenceEngine e, String s) {
        return e.embed(TestModels.EMBED_SMALL, TestModels.embedSmall(), s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBackendWithDifferentBitsIsRefusedAndTheModelRunsOnTheCpu() {
        byte[] reference;
        try (InferenceEngine cpu = new InferenceEngine(TestModels.cpu(1))) {
            reference = embed(cpu, "Hello, world!").outputHash();
        }
        try (InferenceEngine e = engine("NO_OPT", BackendSelfCheck.uncached())) {
            EmbeddingResult r = embed(e, "Hello, world!");
            assertThat(r.backend()).isEqualTo(ComputeBackend.CPU);
            assertThat(r.outputHash()).isEqualTo(reference);
            SelfCheckResult check = e.selfChecks().get(TestModels.EMBED_SMALL);
            assertThat(check.identical()).isFalse();
            assertThat(check.minesOnBackend()).isFalse();
            assertThat(check.checks()).isEqualTo(40);
            assertThat(check.mismatches()).isBetween(1, 40);
            assertThat(e.backend().actual()).isEqualTo(ComputeBackend.CPU);
            assertThat(e.backend().fallbackReason()).contains("CoreML gives different results than the network's"
                    + " reference on " + check.mismatches() + " of 40 checks; mining on CPU to avoid a slash");
        }
    }

    @Test
    void aBackendWithTheCpusBitsIsAccepted() {
        try (InferenceEngine e = engine("ALL_OPT", BackendSelfCheck.uncached())) {
            EmbeddingResult r = embed(e, "Hello, world!");
            assertThat(r.backend()).isEqualTo(ComputeBackend.METAL);
            SelfCheckResult check = e.selfChecks().get(TestModels.EMBED_SMALL);
            assertThat(check.identical()).isTrue();
            assertThat(check.message()).isEqualTo("CoreML gives the network's reference results on all 40 checks of "
                    + "qfc-embed-small@v1.0: mining on CoreML");
            assertThat(e.backend().fallbackReason()).isEmpty();
        }
    }

    @Test
    void aToleratingNodeLetsTheBackendMineAndSaysSo() {
        BackendSelfCheck tolerant = new BackendSelfCheck(Optional.empty(), true, Clock.systemUTC());
        try (InferenceEngine e = engine("NO_OPT", tolerant)) {
            assertThat(embed(e, "x").backend()).isEqualTo(ComputeBackend.METAL);
            assertThat(e.selfChecks().get(TestModels.EMBED_SMALL).message())
                    .contains("different results").contains("verifies with tolerance, so mining on CoreML");
        }
    }

    @Test
    void theVerdictIsKeptPerBackendAndModelAndReadBack() throws Exception {
        Path data = TestModels.scratch("self-check-" + System.nanoTime());
        BackendSelfCheck cached = new BackendSelfCheck(Optional.of(new SelfCheckCache(data)), false, Clock.systemUTC());
        long first;
        try (InferenceEngine e = engine("NO_OPT", cached)) {
            embed(e, "x");
            first = e.selfChecks().get(TestModels.EMBED_SMALL).checkedAtMillis();
        }
        assertThat(Files.readString(data.resolve(SelfCheckCache.FILE))).contains("Metal|qfc-embed-small@v1.0");
        try (InferenceEngine again = engine("NO_OPT", cached)) {
            assertThat(embed(again, "x").backend()).isEqualTo(ComputeBackend.CPU);
            // the kept verdict, not a new measurement
            assertThat(again.selfChecks().get(TestModels.EMBED_SMALL).checkedAtMillis()).isEqualTo(first);
        }
        Files.writeString(data.resolve(SelfCheckCache.FILE), "{ not json");
        try (InferenceEngine damaged = engine("NO_OPT", cached)) {
            assertThat(embed(damaged, "x").backend()).isEqualTo(ComputeBackend.CPU);
            assertThat(damaged.selfChecks().get(TestModels.EMBED_SMALL).checkedAtMillis()).isGreaterThanOrEqualTo(first);
        }
    }
}
