package network.qfc.miner.devnet.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;

/**
 * The mining end-to-end tests' world: the real devnet on a free loopback port with the real qfc-embed-small (seeded
 * once from the bundled artifact, offline), fresh data folders, and settings for a miner in this process. Shared with
 * the app's tests through this module's test jar.
 */
public final class MiningDevnets {
    /** Under the running module's {@code target/}. */
    public static final Path ROOT = Path.of("target", "e2e").toAbsolutePath();
    public static final Path MODELS = ROOT.resolve("models");
    public static final ModelRef SMALL = new ModelRef("qfc-embed-small", "v1.0");

    static {
        // the devnet's spot-check engine unpacks its natives under the data folder: keep it in target/
        System.setProperty("qfc.data.dir", ROOT.resolve("shared-data").toString());
    }

    private MiningDevnets() {
    }

    /** The seeded model folder ({@code MODELS/qfc-embed-small/v1.0}). */
    public static synchronized Path modelDir() {
        try {
            return OfflineSeed.seededDir(MODELS, SMALL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An open devnet (no challenges) on a free loopback port that re-executes spot checks with the real model. */
    public static DevnetConfig open() {
        return DevnetConfig.defaults().withPort(0).withOpenMode(true).withModelDir(modelDir())
                .withChallengeRate(OptionalDouble.of(0.0));
    }

    public static DevnetNode start(DevnetConfig config) {
        return DevnetNode.start(config);
    }

    /** A fresh data folder for one miner. */
    public static Path dataDir(String name) {
        try {
            return Files.createDirectories(ROOT.resolve("miners").resolve(name + "-" + System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for a miner in this process against {@code url} with a devnet key in {@code data}: fast polls, CPU. */
    public static MinerSettings settings(String url, Path data) {
        AppDirectories dirs = new AppDirectories(data.resolve("config"), data, data.resolve("logs"));
        modelDir();
        return MinerSettings.defaults(url, KeySource.devnet(data), MODELS, dirs, "test")
                .withBackend(BackendPreference.CPU)
                .withThreads(1)
                .withBenchmarkTime(Duration.ofMillis(200))
                .withPeriods(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofHours(6));
    }
}
