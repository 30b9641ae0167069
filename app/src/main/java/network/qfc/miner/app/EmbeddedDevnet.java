package network.qfc.miner.app;

import java.io.IOException;
import java.nio.file.Path;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;

/**
 * The devnet that {@code mine --devnet} and the desktop app's "Devnet on this computer" run in-process: open mode,
 * loopback, a free port, spot checks re-executed with qfc-embed-small (installed from the bundled copy if needed).
 */
public final class EmbeddedDevnet {
    private EmbeddedDevnet() {
    }

    public static DevnetNode start(Path modelRoot) throws IOException {
        return DevnetNode.start(config(modelRoot));
    }

    /** The embedded devnet's configuration, for callers that change a setting (e.g. the jail length of a demo). */
    public static DevnetConfig config(Path modelRoot) throws IOException {
        Path dir = OfflineSeed.seededDir(modelRoot, new ModelRef("qfc-embed-small", "v1.0"));
        return DevnetConfig.defaults().withPort(0).withOpenMode(true).withModelDir(dir);
    }
}
