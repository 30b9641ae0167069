package network.qfc.miner.core.protocol.rpc;

import java.util.Objects;
import network.qfc.miner.core.protocol.ModelId;

/** One model a miner has loaded, for {@code qfc_reportMinerStatus}; {@code loadedAtMs} = ms since the Unix epoch. */
public record LoadedModel(ModelId model, ModelLayer layer, long loadedAtMs) {
    public LoadedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(layer, "layer");
        if (loadedAtMs < 0) {
            throw new IllegalArgumentException("loadedAtMs must not be negative");
        }
    }
}
