package network.qfc.miner.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.NodeGeneration;

/**
 * The devnet that {@code mine --devnet} and the desktop app's "Devnet on this computer" run in-process: open mode,
 * loopback, a free port, spot checks re-executed with qfc-embed-small (installed from the bundled copy if needed).
 * Which node generation it plays is the caller's choice ({@link #config(Path, NodeGeneration)}); without one it is
 * the newest, latest (the devnet's default: what a miner meets on the network today).
 */
public final class EmbeddedDevnet {
    private EmbeddedDevnet() {
    }

    /** Starts it; when qfc-embed-small had to be installed from the bundled copy, one line on {@code notice} says so. */
    public static DevnetNode start(Path modelRoot, PrintWriter notice) throws IOException {
        return DevnetNode.start(configWith(modelRoot, null, notice));
    }

    /** Starts an embedded devnet playing {@code generation} (null: the default, latest). */
    public static DevnetNode start(Path modelRoot, NodeGeneration generation) throws IOException {
        return DevnetNode.start(config(modelRoot, generation));
    }

    /** The embedded devnet's configuration, for callers that change a setting (e.g. the jail length of a demo). */
    public static DevnetConfig config(Path modelRoot) throws IOException {
        return configWith(modelRoot, null, new PrintWriter(Writer.nullWriter()));
    }

    /**
     * The embedded devnet's configuration playing {@code generation} with that generation's own rules (the epoch
     * trap on for v2.0 and rocm); null keeps the default, latest.
     */
    public static DevnetConfig config(Path modelRoot, NodeGeneration generation) throws IOException {
        return configWith(modelRoot, generation, new PrintWriter(Writer.nullWriter()));
    }

    private static DevnetConfig configWith(Path modelRoot, NodeGeneration generation, PrintWriter notice)
            throws IOException {
        Path dir = BundledModel.ensure(modelRoot, notice);
        DevnetConfig c = DevnetConfig.defaults().withPort(0).withOpenMode(true).withModelDir(dir);
        return generation == null ? c : c.withGeneration(generation);
    }
}
