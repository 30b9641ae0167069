package network.qfc.miner.app.bench;

import static network.qfc.miner.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bench command on the real qfc-embed-small: what it reports, and a clear error without a model. */
class BenchCommandTest {
    private static Path modelDir;

    @BeforeAll
    static void model() throws Exception {
        System.setProperty("qfc.data.dir", Path.of("target", "test-data").toAbsolutePath().toString());
        modelDir = OfflineSeed.seededDir(Path.of("target", "test-models"), new ModelRef("qfc-embed-small", "v1.0"));
    }

    @Test
    void theBuiltInCorpusHas200SentencesWithEmptyNonAsciiAndLongOnes() {
        BenchCorpus c = BenchCorpus.builtIn();
        assertThat(c.sentences()).hasSize(200).contains("");
        assertThat(c.sentences()).anyMatch(s -> s.chars().anyMatch(ch -> ch > 127));
        assertThat(c.sentences()).filteredOn(s -> s.split(" ").length > 110).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void jsonReportWithTheRawComparison() throws Exception {
        CommandRun r = run("bench", "--model-dir", modelDir.toString(), "--seconds", "1", "--workers", "2", "--json", "--compare-raw");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("model").asText()).isEqualTo("qfc-embed-small@v1.0");
        assertThat(j.get("sentences").asInt()).isEqualTo(200);
        assertThat(j.get("truncatedAt128").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(j.get("backend").asText()).isEqualTo("CPU");
        assertThat(j.get("workers").asInt()).isEqualTo(2);
        assertThat(j.get("intraOpThreadsPerWorker").asInt()).isEqualTo(1);
        assertThat(j.get("dimension").asInt()).isEqualTo(384);
        assertThat(j.get("engine").get("embeddings").asInt()).isPositive();
        assertThat(j.get("engine").get("p50Ms").asDouble()).isPositive();
        assertThat(j.get("engine").get("what").asText()).contains("2 worker(s)");
        // the honest baseline: ORT's default options, one caller; and the tuned one beside it
        assertThat(j.get("rawDefault").get("what").asText()).contains("default session options, 1 caller");
        assertThat(j.get("rawDefault").get("embeddings").asInt()).isPositive();
        assertThat(j.get("rawTuned").get("embeddings").asInt()).isPositive();
        // DJL against the same pipeline calling ONNX Runtime directly, fed the same way
        assertThat(j.get("directPath").get("what").asText()).contains("no DJL");
        assertThat(j.get("directPath").get("embeddings").asInt()).isPositive();
        assertThat(j.get("engineToDirectPathThroughput").asDouble()).isPositive();
        assertThat(j.get("rawOutputIdentical").asBoolean()).isTrue();
        assertThat(j.get("engineToRawDefaultThroughput").asDouble()).isPositive();
        assertThat(j.get("engineToRawTunedThroughput").asDouble()).isPositive();
        assertThat(j.get("tokenizer").get("javaMicrosPerSentence").asDouble()).isPositive();
        assertThat(j.get("tokenizer").get("nativeMicrosPerSentence").asDouble()).isPositive();
        assertThat(j.get("benchmarkScore").asLong()).isBetween(1L, 10_000L);
    }

    @Test
    void theModelCacheItselfIsAcceptedAsTheModelDirAsMineTakesIt() throws Exception {
        Path cache = modelDir.getParent().getParent(); // <cache>/qfc-embed-small/v1.0
        CommandRun r = run("bench", "--model-dir", cache.toString(), "--seconds", "1", "--workers", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("modelDir").asText()).isEqualTo(modelDir.toString());
    }

    @Test
    void aMissingModelSaysToPullIt() {
        CommandRun r = run("bench", "--model-dir", Path.of("target", "no-such-model").toAbsolutePath().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("models pull qfc-embed-small").doesNotContain("Exception");
    }
}
