package network.qfc.miner.devnet.verify;

import java.util.List;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The node's approved models: v2.0's {@code ModelRegistry::default_v2} (also what {@code qfc_getSupportedModels}
 * lists, in every generation) and the newest nodes' larger registry.
 */
public final class ApprovedModels {

    /** One approved model as {@code qfc_getSupportedModels} lists it. */
    public record Model(ModelId id, long minMemoryMb, String minTier) {
    }

    public static final List<Model> V2 = List.of(
            new Model(new ModelId("qfc-embed-small", "v1.0"), 512, "Cold"),
            new Model(new ModelId("qfc-embed-medium", "v1.0"), 2048, "Warm"),
            new Model(new ModelId("qfc-classify-small", "v1.0"), 2048, "Warm"));

    /** The newest nodes' registry (all v1.0). */
    public static final List<Model> LATEST = List.of(
            new Model(new ModelId("qfc-embed-small", "v1.0"), 512, "Cold"),
            new Model(new ModelId("qfc-embed-medium", "v1.0"), 512, "Cold"),
            new Model(new ModelId("qfc-classify-small", "v1.0"), 2048, "Warm"),
            new Model(new ModelId("qfc-llm-0.5b", "v1.0"), 1024, "Cold"),
            new Model(new ModelId("qfc-llm-3b", "v1.0"), 4096, "Warm"),
            new Model(new ModelId("qfc-llm-7b", "v1.0"), 8192, "Hot"),
            new Model(new ModelId("qfc-whisper-base", "v1.0"), 512, "Cold"),
            new Model(new ModelId("qfc-whisper-large", "v1.0"), 3072, "Warm"),
            new Model(new ModelId("qfc-sd-1.5", "v1.0"), 6144, "Warm"));

    private ApprovedModels() {
    }

    /** Approved by a v2.0 (or ROCm-era) node. */
    public static boolean isApproved(ModelId id) {
        return V2.stream().anyMatch(m -> m.id().equals(id));
    }

    /** Approved by a node of the newest generation. */
    public static boolean isApprovedLatest(ModelId id) {
        return LATEST.stream().anyMatch(m -> m.id().equals(id));
    }
}
