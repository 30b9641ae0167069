package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backends that cannot start fall back with a reason; bad models and bad inputs are clear typed errors. */
class FailureModesTest {
    private static Path dir;
    private static InferenceEngine engine;

    @BeforeAll
    static void start() {
        dir = TestModels.embedSmall();
        engine = new InferenceEngine(TestModels.cpu(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A GPU provider that cannot start, as on a machine without one. */
    record Failing(ComputeBackend backend, String reason) implements ExecutionProvider {
        @Override
        public void addTo(OrtSession.SessionOptions options) throws ProviderUnavailableException {
            throw new ProviderUnavailableException(reason);
        }
    }

    private static List<ExecutionProvider> failingGpus() {
        return List.of(new Failing(ComputeBackend.CUDA, "libcudart 12 not found"),
                new Failing(ComputeBackend.METAL, "Metal needs macOS on Apple Silicon"),
                OrtProviders.standard().get(2));
    }

    @Test
    void cudaRequestedButUnavailableFallsBackToCpuWithTheReasonAndRuns() {
        EngineConfig cfg = TestModels.cpu(1).withPreference(BackendPreference.CUDA);
        try (InferenceEngine e = new InferenceEngine(cfg, failingGpus())) {
            BackendSelection s = e.backend();
            assertThat(s.requested()).isEqualTo(BackendPreference.CUDA);
            assertThat(s.actual()).isEqualTo(ComputeBackend.CPU);
            assertThat(s.fallbackReason()).contains("CUDA requested but libcudart 12 not found: using CPU");
            EmbeddingResult r = e.embed(TestModels.EMBED_SMALL, dir, "Hello world.".getBytes(StandardCharsets.UTF_8));
            assertThat(r.backend()).isEqualTo(ComputeBackend.CPU);
            assertThat(r.outputHash()).isEqualTo(engine.embed(TestModels.EMBED_SMALL, dir,
                    "Hello world.".getBytes(StandardCharsets.UTF_8)).outputHash());
        }
    }

    @Test
    void autoAndMetalExplainWhyTheyRunOnCpu() {
        var selector = new BackendSelector(failingGpus());
        var auto = selector.select(BackendPreference.AUTO).selection();
        assertThat(auto.actual()).isEqualTo(ComputeBackend.CPU);
        assertThat(auto.fallbackReason().orElseThrow()).contains("CUDA: libcudart 12 not found")
                .contains("Metal: Metal needs macOS on Apple Silicon").endsWith("using CPU");
        var metal = selector.select(BackendPreference.METAL).selection();
        assertThat(metal.fallbackReason()).contains("Metal requested but Metal needs macOS on Apple Silicon: using CPU");
        var cpu = selector.select(BackendPreference.CPU).selection();
        assertThat(cpu.fellBack()).isFalse();
    }

    @Test
    void aWorkingGpuProviderIsChosenAndReported() {
        ExecutionProvider fakeCuda = new ExecutionProvider() {
            @Override
            public ComputeBackend backend() {
                return ComputeBackend.CUDA;
            }

            @Override
            public void addTo(OrtSession.SessionOptions options) {
                // starts: adds nothing, so the session really runs on the CPU kernels
            }
        };
        var choice = new BackendSelector(List.of(fakeCuda, OrtProviders.standard().get(2))).select(BackendPreference.AUTO);
        assertThat(choice.selection().actual()).isEqualTo(ComputeBackend.CUDA);
        assertThat(choice.selection().fallbackReason()).isEmpty();
    }

    @Test
    void theRealProvidersOfThisGpuLessMachineFallBackFromCuda() {
        var s = new BackendSelector(OrtProviders.standard()).select(BackendPreference.CUDA).selection();
        assertThat(s.actual()).isEqualTo(ComputeBackend.CPU);
        assertThat(s.fallbackReason().orElseThrow()).startsWith("CUDA requested but ").endsWith(": using CPU");
    }

    @Test
    void noCpuProviderIsAClearError() {
        var selector = new BackendSelector(List.of(new Failing(ComputeBackend.CPU, "broken")));
        assertThatThrownBy(() -> selector.select(BackendPreference.CPU)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("broken");
    }

    @Test
    void aCorruptModelFileIsAModelLoadExceptionNamingTheFile() throws Exception {
        Path bad = TestModels.scratch("corrupt-model");
        Files.write(bad.resolve("model.onnx"), "this is not an ONNX protobuf".getBytes(StandardCharsets.UTF_8));
        Files.copy(dir.resolve("tokenizer.json"), bad.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> engine.embed(new ModelId("broken", "v1"), bad, new byte[0]))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(bad.resolve("model.onnx").toString())
                .satisfies(e -> assertThat(((ModelLoadException) e).file()).isEqualTo(bad.resolve("model.onnx")));
    }

    @Test
    void aMissingModelOrCorruptTokenizerNamesTheFile() throws Exception {
        Path missing = TestModels.scratch("missing-model");
        Files.deleteIfExists(missing.resolve("model.onnx"));
        assertThatThrownBy(() -> engine.embed(new ModelId("missing", "v1"), missing, new byte[0]))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(missing.resolve("model.onnx").toString());
        Path badTok = TestModels.scratch("corrupt-tokenizer");
        Files.copy(dir.resolve("model.onnx"), badTok.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(badTok.resolve("tokenizer.json"), "{\"truncation\": ".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> engine.embed(new ModelId("badtok", "v1"), badTok, new byte[0]))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(badTok.resolve("tokenizer.json").toString());
        Files.write(badTok.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Nonsense\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> engine.embed(new ModelId("badtok", "v2"), badTok, new byte[0]))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(badTok.resolve("tokenizer.json").toString());
    }

    @Test
    void invalidUtf8IsATaskInputException() {
        byte[] bad = {'a', (byte) 0xC3, (byte) 0x28, 'b'};
        assertThatThrownBy(() -> engine.embed(TestModels.EMBED_SMALL, dir, bad))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("not valid UTF-8");
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> engine.embed(TestModels.EMBED_SMALL, dir, surrogate)).isInstanceOf(TaskInputException.class);
    }

    @Test
    void anInputTooLargeIsATaskInputException() {
        byte[] big = new byte[InferenceEngine.MAX_INPUT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> engine.embed(TestModels.EMBED_SMALL, dir, big))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("more than");
    }
}
