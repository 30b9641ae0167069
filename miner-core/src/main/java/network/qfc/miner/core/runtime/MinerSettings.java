package network.qfc.miner.core.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.mining.ComputeMode;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.mining.OutputTamper;

/**
 * Everything a {@link MinerRuntime} is built from; the headless command and the desktop app both fill one. Validated
 * on construction: a plain {@code http://} URL to anything but loopback is refused unless {@code allowInsecureHttp}.
 *
 * @param rpcUrl            the node's JSON-RPC endpoint
 * @param allowInsecureHttp allow plain HTTP to a non-loopback node (the user was warned)
 * @param keySource         where the validator key comes from (never the key itself)
 * @param backend           auto / cpu / cuda / metal
 * @param computeMode       inference / auto / none
 * @param modelDir          the model cache root ({@code QFC_MODEL_DIR} or {@code ~/.cache/qfc-models})
 * @param directories       data (journal, native libraries), config and log folders
 * @param threads           ONNX Runtime intra-op threads; 0 = one per physical core
 * @param maxProofs         stop after this many proofs answered by the node; 0 = no limit
 * @param duration          stop after this long; null = no limit
 * @param standingPeriod    how often the standing is read (~15 s)
 * @param statusPeriod      how often the status is reported (30 s)
 * @param assumedJail       how long a failed spot check jails (the node's 6 h)
 * @param benchmarkTime     how long the start-up benchmark measures
 * @param governor          the resource governor's gate ({@link MiningGate#OPEN} when there is none)
 * @param tamper            fault injection for tests; {@link OutputTamper#NONE} otherwise
 * @param version           the miner's version, sent at registration
 */
public record MinerSettings(String rpcUrl, boolean allowInsecureHttp, KeySource keySource, BackendPreference backend,
                            ComputeMode computeMode, Path modelDir, AppDirectories directories, int threads,
                            long maxProofs, Duration duration, Duration standingPeriod, Duration statusPeriod,
                            Duration assumedJail, Duration benchmarkTime, MiningGate governor, OutputTamper tamper,
                            String version) {
    public static final String DEFAULT_RPC = "http://127.0.0.1:8545";

    public MinerSettings {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(computeMode, "computeMode");
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(directories, "directories");
        Objects.requireNonNull(standingPeriod, "standingPeriod");
        Objects.requireNonNull(statusPeriod, "statusPeriod");
        Objects.requireNonNull(assumedJail, "assumedJail");
        Objects.requireNonNull(benchmarkTime, "benchmarkTime");
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(tamper, "tamper");
        Objects.requireNonNull(version, "version");
        checkUrl(rpcUrl, allowInsecureHttp);
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
        }
        if (maxProofs < 0) {
            throw new IllegalArgumentException("--max-proofs must be 0 (no limit) or more, got " + maxProofs);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be a positive number of seconds");
        }
        if (standingPeriod.isNegative() || standingPeriod.isZero() || statusPeriod.isNegative() || statusPeriod.isZero()) {
            throw new IllegalArgumentException("poll periods must be positive");
        }
    }

    /** Defaults for {@code rpcUrl} and {@code keySource}: auto backend, inference, 15 s / 30 s polls, 6 h jail. */
    public static MinerSettings defaults(String rpcUrl, KeySource keySource, Path modelDir, AppDirectories dirs,
                                         String version) {
        return new MinerSettings(rpcUrl, false, keySource, BackendPreference.AUTO, ComputeMode.INFERENCE, modelDir, dirs,
                0, 0, null, Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofSeconds(1),
                MiningGate.OPEN, OutputTamper.NONE, version);
    }

    public MinerSettings withBackend(BackendPreference b) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, b, computeMode, modelDir, directories, threads,
                maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withComputeMode(ComputeMode m) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, m, modelDir, directories, threads,
                maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withLimits(long proofs, Duration d) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories,
                threads, proofs, d, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withThreads(int t) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories, t,
                maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withPeriods(Duration standing, Duration status, Duration jail) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories,
                threads, maxProofs, duration, standing, status, jail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withInsecureHttp(boolean allow) {
        return new MinerSettings(rpcUrl, allow, keySource, backend, computeMode, modelDir, directories, threads,
                maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, tamper, version);
    }

    public MinerSettings withGovernor(MiningGate g) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories,
                threads, maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, g, tamper, version);
    }

    /** Fault injection for tests only. */
    public MinerSettings withTamper(OutputTamper t) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories,
                threads, maxProofs, duration, standingPeriod, statusPeriod, assumedJail, benchmarkTime, governor, t, version);
    }

    public MinerSettings withBenchmarkTime(Duration d) {
        return new MinerSettings(rpcUrl, allowInsecureHttp, keySource, backend, computeMode, modelDir, directories,
                threads, maxProofs, duration, standingPeriod, statusPeriod, assumedJail, d, governor, tamper, version);
    }

    /**
     * Refuses what is not an http(s) URL with a host, and plain HTTP to a non-loopback host unless allowed.
     *
     * @throws IllegalArgumentException with what to do
     */
    static void checkUrl(String url, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL; give the node's JSON-RPC address, e.g. "
                    + DEFAULT_RPC);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL with a host; e.g. "
                    + DEFAULT_RPC);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the node URL must not carry a user name or password");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost()) && !allowInsecureHttp) {
            throw new IllegalArgumentException("plain http:// to " + uri.getHost() + " is not encrypted: anyone on the "
                    + "way can read and change what the miner sends; use https://, or pass --allow-insecure-http if "
                    + "you trust this network");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
