package network.qfc.miner.core.runtime;

import java.nio.file.Path;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.inference.InferenceWorkers;
import network.qfc.miner.core.mining.MinerProfile;
import network.qfc.miner.core.protocol.ModelId;

/**
 * What start-up found and built for computing: the engine (null when the miner does not compute), the model and its
 * folder, the profile told to the node, why there is no compute when there is none, and the inference workers
 * that share the model (null without compute).
 */
record PreparedCompute(InferenceEngine engine, ModelId model, Path modelDir, MinerProfile profile, String noCompute,
                       InferenceWorkers inferenceWorkers) {

    boolean computes() {
        return engine != null;
    }
}
