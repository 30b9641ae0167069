package network.qfc.miner.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;

/**
 * The devnet that {@code mine --devnet} and the desktop app's "Devnet on this computer" run in-process: open mode,
 * loopback, a free port, spot checks re-executed with qfc-embed-small (installed from the bundled copy if needed).
 */
public final class EmbeddedDevnet {
    private EmbeddedDevnet() {
    }

    /** Starts it; when qfc-embed-small had to be installed from the bundled copy, one line on {@code notice} says so. */
    public static DevnetNode start(Path modelRoot, PrintWriter notice) throws IOException {
        return DevnetNode.start(config(modelRoot, notice));
    }

    /** The embedded devnet's configuration, for callers that change a setting (e.g. the jail length of a demo). */
    public static DevnetConfig config(Path modelRoot) throws IOException {
        return config(modelRoot, new PrintWriter(Writer.nullWriter()));
    }

    private static DevnetConfig config(Path modelRoot, PrintWriter notice) throws IOException {
        Path dir = BundledModel.ensure(modelRoot, notice);
        return DevnetConfig.defaults().withPort(0).withOpenMode(true).withModelDir(dir);
    }
}
