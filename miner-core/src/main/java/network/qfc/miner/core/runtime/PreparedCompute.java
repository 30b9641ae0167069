package network.qfc.miner.core.runtime;

import java.nio.file.Path;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.mining.MinerProfile;
import network.qfc.miner.core.protocol.ModelId;

/**
 * What start-up found and built for computing: the engine (null when the miner does not compute), the model and its
 * folder, the profile told to the node, and why there is no compute when there is none.
 */
record PreparedCompute(InferenceEngine engine, ModelId model, Path modelDir, MinerProfile profile, String noCompute) {

    boolean computes() {
        return engine != null;
    }
}
