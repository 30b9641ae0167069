package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import network.qfc.miner.core.protocol.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Output hashes of qfc-embed-small pinned once (ONNX Runtime 1.21.1, x86-64, this project's canonical computation).
 * If one changes, proofs would fail the node's spot check: find out why before re-pinning.
 */
class GoldenOutputTest {
    static final String NON_ASCII = "Zürich ist im Frühling schön — 東京の春も美しい, ¿verdad? 🙂";
    static final String HELLO = "Hello world.";

    static final String EMPTY_HASH = "30cefb5921e2cab2591a35102496fd1103a7428bda279d3b42f2a53a18efe493";
    static final String HELLO_HASH = "8f3662ff64bb74b2e73af0e4e401bfb15880c9626814506e224234f40d4373cb";
    static final String NON_ASCII_HASH = "86e040556c34f5099d6b450c97a762e00c63db268b7277f9f77cc95118b16a27";
    static final String PARAGRAPH_HASH = "44832769132d9f58c7f77920d78933b282f94a5a38bd773abbd7bfba679d33ae";

    private static InferenceEngine engine;
    private static Path dir;

    @BeforeAll
    static void start() {
        dir = TestModels.embedSmall();
        engine = new InferenceEngine(TestModels.cpu(2));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static String paragraph() throws IOException {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/inference/paragraph-300-words.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String hash(String text) {
        return Hex.encode(engine.embed(TestModels.EMBED_SMALL, dir, text.getBytes(StandardCharsets.UTF_8)).outputHash());
    }

    @Test
    void pinnedHashes() throws IOException {
        String p = paragraph();
        assertThat(p.split("\\s+")).hasSize(300);
        assertThat(hash("")).isEqualTo(EMPTY_HASH);
        assertThat(hash(HELLO)).isEqualTo(HELLO_HASH);
        assertThat(hash(NON_ASCII)).isEqualTo(NON_ASCII_HASH);
        assertThat(hash(p)).isEqualTo(PARAGRAPH_HASH);
    }

    @Test
    void anIndependentImplementationAgreesBitForBit() throws Exception {
        try (IndependentEmbedding independent = new IndependentEmbedding(dir)) {
            for (String text : new String[] {"", HELLO, NON_ASCII, paragraph()}) {
                assertThat(independent.paddedLength(text)).isEqualTo(128);
                assertThat(Hex.encode(independent.hash(text))).as(text).isEqualTo(hash(text));
            }
        }
    }
}
