package network.qfc.miner.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last benchmark score per machine setup (CPU, backend, model, threads), kept a week in
 * {@code <data>/benchmark.properties}, so a restart registers at once instead of measuring again (the first proof
 * comes a second sooner). A missing, old or unreadable file just means "measure".
 */
final class BenchmarkScores {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkScores.class);
    static final Duration VALID = Duration.ofDays(7);

    private final Path file;

    BenchmarkScores(Path dataDir) {
        this.file = dataDir.resolve("benchmark.properties");
    }

    static String key(String cpu, String backend, String model, int threads) {
        return (cpu + "|" + backend + "|" + model + "|" + threads).replaceAll("[^A-Za-z0-9|@._-]", "_");
    }

    OptionalLong find(String key, Instant now) {
        Properties p = load();
        String v = p.getProperty(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            String[] parts = v.split(",");
            long score = Long.parseLong(parts[0]);
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            if (score < 0 || score > 10_000 || at.isAfter(now) || at.plus(VALID).isBefore(now)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(score);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    void remember(String key, long score, Instant now) {
        Properties p = load();
        p.setProperty(key, score + "," + now.toEpochMilli());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "benchmark scores: score,measuredAtMs");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("benchmark score not kept: {}", e.toString());
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("benchmark scores unreadable: {}", e.toString());
            }
        }
        return p;
    }
}
