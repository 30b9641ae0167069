package network.qfc.miner.app.mine;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import network.qfc.miner.core.keys.PlainKeyFile;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.mining.MiningDevnets;
import network.qfc.miner.models.ModelRef;

/** The real parts of an end-to-end test: the model cache seeded from the bundled qfc-embed-small, a devnet, settings. */
final class Devnets {
    static final Path ROOT = MiningDevnets.ROOT;
    static final Path MODELS = MiningDevnets.MODELS;
    static final ModelRef SMALL = MiningDevnets.SMALL;

    private Devnets() {
    }

    /** The seeded model folder (installed from the bundled artifact once). */
    static Path modelDir() {
        return MiningDevnets.modelDir();
    }

    /** An open devnet on a free loopback port that re-executes spot checks with the real model. */
    static DevnetConfig open() {
        return MiningDevnets.open();
    }

    static DevnetNode start(DevnetConfig config) {
        return MiningDevnets.start(config);
    }

    /** A fresh data folder for one miner. */
    static Path dataDir(String name) {
        return MiningDevnets.dataDir(name);
    }

    /** A new random validator key written in the clear to {@code keyFile} (as the reference miner keeps it); its address. */
    static Address newKeyFile(Path keyFile) throws IOException {
        try (ValidatorKey key = ValidatorKey.generate(new SecureRandom())) {
            PlainKeyFile.write(keyFile, key);
            return key.address();
        }
    }

    /**
     * {@code mine} against {@code rpc} in a child JVM, as a user runs it (the product's logging on stderr, CPU, one
     * thread, JSON events): journal and key under {@code data}, output in {@code data/<name>.out} and {@code .err}.
     */
    static Process childMiner(List<String> jvmOptions, Path data, Path keyFile, String rpc, String name,
                              String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dqfc.data.dir=" + ROOT.resolve("shared-data"),
                // the product's logging (stderr), not the test class path's
                "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "network.qfc.miner.app.Main", "mine",
                "--rpc", rpc, "--key-file", keyFile.toString(), "--data-dir", data.toString(),
                "--model-dir", MODELS.toString(), "--backend", "cpu", "--threads", "1", "--json",
                // what these tests count must not wait for other programs on a shared machine (the governor's
                // own tests cover yielding)
                "--no-yield-to-user"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("QFC_COMPUTE_MODE");
        pb.redirectOutput(data.resolve(name + ".out").toFile());
        pb.redirectError(data.resolve(name + ".err").toFile());
        return pb.start();
    }

    /** Settings for an in-process miner against {@code url} with a devnet key in {@code data}: fast polls, CPU. */
    static MinerSettings settings(String url, Path data) {
        return MiningDevnets.settings(url, data);
    }
}
