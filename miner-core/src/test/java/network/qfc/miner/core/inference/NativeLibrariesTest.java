package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Native libraries come from the app's cache, DJL is offline, and nothing is left in the system temp folder. */
class NativeLibrariesTest {
    @Test
    void onnxRuntimeAndTheTokenizerLoadFromTheNativeCacheAndLeaveNoTempFolder() throws Exception {
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(1))) {
            engine.preload(TestModels.EMBED_SMALL, TestModels.embedSmall());
            Path ortDir = Path.of(System.getProperty("onnxruntime.native.path"));
            assertThat(ortDir).startsWith(TestModels.nativeCache());
            assertThat(ortDir.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
            assertThat(Path.of(System.getProperty("ENGINE_CACHE_DIR"))).startsWith(TestModels.nativeCache());
            try (var tokenizers = Files.walk(TestModels.nativeCache().resolve("djl"))) {
                assertThat(tokenizers.anyMatch(p -> p.getFileName().toString().equals(System.mapLibraryName("tokenizers"))))
                        .isTrue();
            }
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
            var field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            Path ortTemp = (Path) field.get(null);
            assertThat(ortTemp.getFileName().toString()).startsWith("onnxruntime-java");
            assertThat(ortTemp).doesNotExist();
        }
    }
}
