package network.qfc.miner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledModelTest {

    @Test
    void installsTheBundledCopyOnceAndSaysSoInOneLine(@TempDir Path cache) throws Exception {
        StringWriter first = new StringWriter();
        Path dir = BundledModel.ensure(cache, new PrintWriter(first));
        assertThat(dir.resolve("model.onnx")).isRegularFile();
        assertThat(dir.resolve("tokenizer.json")).isRegularFile();
        assertThat(first.toString()).hasLineCount(1)
                .contains("qfc-embed-small@v1.0 was not installed: installed it from the copy bundled with the app");

        StringWriter second = new StringWriter();
        assertThat(BundledModel.ensure(cache, new PrintWriter(second))).isEqualTo(dir);
        assertThat(second.toString()).isEmpty();
        assertThat(Files.size(dir.resolve("model.onnx"))).isGreaterThan(1_000_000);
    }
}
