package network.qfc.miner.devnet.verify;

import java.util.List;
import network.qfc.miner.core.protocol.ModelId;

/** The node's approved models (v2.0 {@code ModelRegistry::default_v2} and {@code qfc_getSupportedModels}). */
public final class ApprovedModels {

    /** One approved model as {@code qfc_getSupportedModels} lists it. */
    public record Model(ModelId id, long minMemoryMb, String minTier) {
    }

    public static final List<Model> V2 = List.of(
            new Model(new ModelId("qfc-embed-small", "v1.0"), 512, "Cold"),
            new Model(new ModelId("qfc-embed-medium", "v1.0"), 2048, "Warm"),
            new Model(new ModelId("qfc-classify-small", "v1.0"), 2048, "Warm"));

    private ApprovedModels() {
    }

    public static boolean isApproved(ModelId id) {
        return V2.stream().anyMatch(m -> m.id().equals(id));
    }
}
