package network.qfc.miner.core.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelRef;

/**
 * The folders of installed models for a mining session, each checked against the cache once and then remembered: the
 * check reads and parses the install manifest, about a millisecond that would otherwise be paid on the inference
 * thread for every task. The engine keeps the loaded model either way.
 */
final class ModelFolders {
    private final ModelCache modelCache;
    private final Map<ModelId, Path> checked = new ConcurrentHashMap<>();

    ModelFolders(ModelCache modelCache) {
        this.modelCache = modelCache;
    }

    Path folder(ModelId model) {
        Path known = checked.get(model);
        if (known != null) {
            return known;
        }
        Path dir = check(model);
        checked.put(model, dir);
        return dir;
    }

    private Path check(ModelId model) {
        ModelRef ref = new ModelRef(model.name(), model.version());
        if (modelCache.registry().find(ref).isEmpty()) {
            throw new IllegalStateException("model " + model + " is not an approved model this miner knows");
        }
        if (modelCache.state(ref) != InstallState.INSTALLED) {
            throw new IllegalStateException("model " + model + " is not installed; run: qfc-desktop-miner models pull "
                    + model);
        }
        return modelCache.modelDir(ref);
    }
}
