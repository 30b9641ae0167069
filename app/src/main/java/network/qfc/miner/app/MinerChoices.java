package network.qfc.miner.app;

import java.nio.file.Path;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.mining.ComputeMode;
import network.qfc.miner.core.runtime.MinerSettings;

/**
 * What a user chose for a miner, from either front end (the {@code mine} command's flags and variables, the desktop's
 * settings), and the one mapping of it onto {@link MinerSettings}, so the headless and the desktop miner cannot drift:
 * backend and compute mode parsed the same way, the governor's gate and its CPU cap's threads applied the same way.
 *
 * @param backend     {@code auto}, {@code cpu}, {@code cuda} or {@code metal}
 * @param computeMode {@code inference}, {@code auto} or {@code none}
 * @param threads     inference threads, 0 for the miner's default (or the CPU cap's)
 */
public record MinerChoices(String rpcUrl, boolean allowInsecureHttp, KeySource key, Path modelDir, AppDirectories dirs,
                           String backend, String computeMode, int threads) {

    /**
     * The miner's settings, governed by {@code governor} (its gate, and its CPU cap's threads when none were chosen).
     *
     * @throws IllegalArgumentException naming a backend or compute mode that does not exist
     */
    public MinerSettings settings(GovernorSetup governor) {
        return governor.applyTo(MinerSettings.defaults(rpcUrl, key, modelDir, dirs, QfcCommand.applicationVersion())
                .withInsecureHttp(allowInsecureHttp)
                .withBackend(BackendPreference.parse(backend))
                .withComputeMode(ComputeMode.parse(computeMode))
                .withThreads(threads));
    }
}
