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
        CommandRun r = run("bench", "--model-dir", modelDir.toString(), "--seconds", "1", "--threads", "1", "--json", "--compare-raw");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("model").asText()).isEqualTo("qfc-embed-small@v1.0");
        assertThat(j.get("sentences").asInt()).isEqualTo(200);
        assertThat(j.get("truncatedAt128").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(j.get("backend").asText()).isEqualTo("CPU");
        assertThat(j.get("threads").asInt()).isEqualTo(1);
        assertThat(j.get("dimension").asInt()).isEqualTo(384);
        assertThat(j.get("engine").get("embeddings").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(j.get("engine").get("p50Ms").asDouble()).isPositive();
        assertThat(j.get("raw").get("embeddings").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(j.get("rawOutputIdentical").asBoolean()).isTrue();
        assertThat(j.has("engineToRawThroughput")).isTrue();
        assertThat(j.get("benchmarkScore").asLong()).isBetween(1L, 10_000L);
    }

    @Test
    void aMissingModelSaysToPullIt() {
        CommandRun r = run("bench", "--model-dir", Path.of("target", "no-such-model").toAbsolutePath().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("models pull qfc-embed-small").doesNotContain("Exception");
    }
}
