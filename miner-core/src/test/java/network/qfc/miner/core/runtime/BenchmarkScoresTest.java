package network.qfc.miner.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkScoresTest {
    private final Instant now = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void aScoreIsReusedForAWeekOnTheSameSetupOnly(@TempDir Path dir) {
        BenchmarkScores scores = new BenchmarkScores(dir);
        String key = BenchmarkScores.key("AMD EPYC 7B13", "CPU", "qfc-embed-small@v1.0", 2);
        assertThat(scores.find(key, now)).isEmpty();
        scores.remember(key, 196, now);
        BenchmarkScores reopened = new BenchmarkScores(dir);
        assertThat(reopened.find(key, now.plus(Duration.ofDays(6)))).hasValue(196);
        assertThat(reopened.find(key, now.plus(Duration.ofDays(8)))).as("too old: measure again").isEmpty();
        assertThat(reopened.find(BenchmarkScores.key("AMD EPYC 7B13", "CPU", "qfc-embed-small@v1.0", 1), now))
                .as("other thread count").isEmpty();
    }

    @Test
    void aDamagedFileMeansMeasureAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("benchmark.properties"), "k=notanumber\nk2=99999,1\n\\u12");
        BenchmarkScores scores = new BenchmarkScores(dir);
        assertThat(scores.find("k", now)).isEmpty();
        assertThat(scores.find("k2", now)).isEmpty();
    }
}
