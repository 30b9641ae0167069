package network.qfc.miner.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;

/**
 * qfc-embed-small, which ships with the application: every command that needs it ({@code mine --devnet},
 * {@code devnet}, {@code bench}) takes its folder from here, which installs it from the bundled copy when the model
 * cache lacks it and says so in one line. The hub is never contacted.
 */
public final class BundledModel {
    /** The model the application bundles. */
    public static final ModelRef EMBED_SMALL = new ModelRef("qfc-embed-small", "v1.0");

    private BundledModel() {
    }

    /**
     * The folder of qfc-embed-small in the model cache at {@code modelRoot}, installed from the bundled copy first
     * when it is missing; then one line on {@code notice} says where it went.
     */
    public static Path ensure(Path modelRoot, PrintWriter notice) throws IOException {
        try (ModelCache cache = new ModelCache(modelRoot, ModelRegistry.bundled(),
                new ModelDownloader(ModelDownloader.Settings.defaults()), OfflineSeed.fromClassPath())) {
            Path dir = cache.modelDir(EMBED_SMALL);
            if (cache.state(EMBED_SMALL) != InstallState.INSTALLED) {
                cache.seedFromBundle(EMBED_SMALL);
                notice.println(EMBED_SMALL + " was not installed: installed it from the copy bundled with the app into "
                        + dir);
                notice.flush();
            }
            return dir;
        }
    }
}
