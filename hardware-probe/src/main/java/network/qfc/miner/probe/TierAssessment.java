package network.qfc.miner.probe;

import java.util.List;

/**
 * The tier this machine gets from the node, the accelerator that tier is based on, and which approved models it may
 * run.
 *
 * @param tier             the node's tier for this machine
 * @param accelerator      CUDA, Metal or CPU
 * @param memoryMb         the memory the tier and models were judged on (VRAM, unified memory or RAM)
 * @param memoryOverridden whether {@code memoryMb} is the user's figure rather than the probe's
 * @param why              why this accelerator and tier, in the user's words
 * @param models           every approved model with its verdict
 */
public record TierAssessment(GpuTier tier, Accelerator accelerator, long memoryMb, boolean memoryOverridden,
                             String why, List<ModelEligibility> models) {
    public TierAssessment {
        models = List.copyOf(models);
    }

    /** The models this machine may run. */
    public List<ModelRequirement> runnableModels() {
        return models.stream().filter(ModelEligibility::mayRun).map(ModelEligibility::model).toList();
    }
}
