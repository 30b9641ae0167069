package network.qfc.miner.core.protocol.rpc;

import network.qfc.miner.core.protocol.ModelId;

/** One entry of {@code qfc_getSupportedModels}: a model, its minimum memory and tier, and whether it is approved. */
public record SupportedModel(ModelId model, long minMemoryMb, String minTier, boolean approved) {
    static SupportedModel from(ResultObject o) {
        ModelId id;
        try {
            id = new ModelId(o.text("name"), o.text("version"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + o.name("name") + "'/'version' " + e.getMessage());
        }
        return new SupportedModel(id, o.number("minMemoryMb"), o.text("minTier"), o.bool("approved"));
    }
}
