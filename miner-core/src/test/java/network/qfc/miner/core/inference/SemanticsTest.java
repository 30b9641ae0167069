package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import network.qfc.miner.core.protocol.ModelId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the vectors mean (similar sentences close, unit norm, 384 dims) and the truncation rule. */
class SemanticsTest {
    private static Path dir;
    private static InferenceEngine engine;

    @BeforeAll
    static void start() {
        dir = TestModels.embedSmall();
        engine = new InferenceEngine(TestModels.cpu(2));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static EmbeddingResult embed(String s) {
        return engine.embed(TestModels.EMBED_SMALL, dir, s.getBytes(StandardCharsets.UTF_8));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void relatedSentencesAreClearlyCloserThanUnrelatedOnes() {
        float[] cat = embed("A cat is sleeping on the warm windowsill.").vector();
        float[] kitten = embed("A kitten naps in the sun by the window.").vector();
        float[] market = embed("The central bank raised interest rates by half a percent.").vector();
        double related = cosine(cat, kitten);
        double unrelated = cosine(cat, market);
        assertThat(related).isGreaterThan(0.5);
        assertThat(unrelated).isLessThan(0.2);
        assertThat(related - unrelated).isGreaterThan(0.4);
    }

    @Test
    void vectorsHaveUnitNormAndTheModelsDimension() {
        for (String s : new String[] {"", "Hello world.", GoldenOutputTest.NON_ASCII}) {
            EmbeddingResult r = embed(s);
            assertThat(r.vector()).hasSize(384);
            assertThat(r.outputBytes()).hasSize(384 * 4);
            assertThat(r.outputHash()).hasSize(32);
            double norm = 0;
            for (float x : r.vector()) {
                norm += (double) x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void theEmptyInputIsClsSepAndOutputBytesAreLittleEndianFloats() {
        EmbeddingResult r = embed("");
        assertThat(r.tokens()).isEqualTo(2);
        assertThat(r.encodingLength()).isEqualTo(128);
        int bits = (r.outputBytes()[0] & 0xff) | (r.outputBytes()[1] & 0xff) << 8 | (r.outputBytes()[2] & 0xff) << 16
                | (r.outputBytes()[3] & 0xff) << 24;
        assertThat(Float.intBitsToFloat(bits)).isEqualTo(r.vector()[0]);
    }

    @Test
    void theFilesTruncationAt128AndFixedPaddingTo128Apply() {
        String word = "tokenization ";
        EmbeddingResult shortOne = embed("Hello world.");
        assertThat(shortOne.tokens()).isEqualTo(5);
        assertThat(shortOne.encodingLength()).isEqualTo(128);
        String longText = word.repeat(200);
        EmbeddingResult longOne = embed(longText);
        assertThat(longOne.tokens()).isEqualTo(128);
        assertThat(longOne.encodingLength()).isEqualTo(128);
        // what lies past the 128th token changes nothing
        EmbeddingResult longer = embed(longText + "and then something entirely different about volcanoes");
        assertThat(longer.outputHash()).isEqualTo(longOne.outputHash());
    }

    @Test
    void withoutTruncationInTheFileTheRuleIs512AndNoPaddingMeansTheRealLength() throws Exception {
        Path plain = TestModels.scratch("no-truncation-model");
        Files.copy(dir.resolve("model.onnx"), plain.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tok = (ObjectNode) json.readTree(dir.resolve("tokenizer.json").toFile());
        tok.putNull("truncation");
        tok.putNull("padding");
        json.writeValue(plain.resolve("tokenizer.json").toFile(), tok);
        ModelId id = new ModelId("qfc-embed-small-untruncated", "test");
        EmbeddingResult longOne = engine.embed(id, plain, "tokenization ".repeat(700).getBytes(StandardCharsets.UTF_8));
        assertThat(longOne.tokens()).isEqualTo(512);
        assertThat(longOne.encodingLength()).isEqualTo(512);
        EmbeddingResult shortOne = engine.embed(id, plain, "Hello world.".getBytes(StandardCharsets.UTF_8));
        assertThat(shortOne.tokens()).isEqualTo(5);
        assertThat(shortOne.encodingLength()).isEqualTo(5);
        assertThat(shortOne.outputHash()).isNotEqualTo(embed("Hello world.").outputHash());
        engine.pool().unload(id);
    }
}
