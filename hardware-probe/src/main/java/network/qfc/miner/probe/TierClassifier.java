package network.qfc.miner.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The node's tiering, exactly: CUDA is Hot from 24000 MB VRAM and Warm from 8000 MB; Metal is Hot from 32000 MB
 * unified memory and Warm from 16000 MB; CPU is always Cold. Also judges which approved models a machine may run.
 */
public final class TierClassifier {
    static final long CUDA_HOT_MB = 24_000;
    static final long CUDA_WARM_MB = 8_000;
    static final long METAL_HOT_MB = 32_000;
    static final long METAL_WARM_MB = 16_000;

    private final List<ModelRequirement> approvedModels;

    /** A classifier over the approved-model table shipped with this module. */
    public TierClassifier() {
        this(ApprovedModelTable.load());
    }

    public TierClassifier(List<ModelRequirement> approvedModels) {
        this.approvedModels = List.copyOf(approvedModels);
    }

    /** The node's tier for an accelerator with this much memory (VRAM for CUDA, unified memory for Metal). */
    public GpuTier classify(Accelerator kind, long memoryMb) {
        return switch (kind) {
            case CUDA -> memoryMb >= CUDA_HOT_MB ? GpuTier.HOT : memoryMb >= CUDA_WARM_MB ? GpuTier.WARM : GpuTier.COLD;
            case METAL -> memoryMb >= METAL_HOT_MB ? GpuTier.HOT
                    : memoryMb >= METAL_WARM_MB ? GpuTier.WARM : GpuTier.COLD;
            case CPU -> GpuTier.COLD;
        };
    }

    /**
     * Picks the accelerator (CUDA when usable, else Metal when usable, else CPU), tiers it, and judges every approved
     * model.
     *
     * @param memoryOverrideMb the user's figure for the accelerator's memory (like the reference miner's
     *                         {@code --max-memory}); it replaces the probed VRAM/unified memory/RAM
     * @throws IllegalArgumentException when the override is not a positive number of MB
     */
    public TierAssessment assess(HardwareReport report, Optional<Long> memoryOverrideMb) {
        memoryOverrideMb.ifPresent(mb -> {
            if (mb <= 0) {
                throw new IllegalArgumentException("the memory override must be a positive number of MB, got " + mb);
            }
        });
        Accelerator accelerator;
        long memoryMb;
        String why;
        OptionalLong vram = cudaVram(report);
        if (report.cuda().usable() && (vram.isPresent() || memoryOverrideMb.isPresent())) {
            accelerator = Accelerator.CUDA;
            memoryMb = vram.orElse(0);
            why = "CUDA: " + report.cuda().reason();
        } else if (report.metal().usable()) {
            accelerator = Accelerator.METAL;
            memoryMb = report.metal().unifiedMemoryMb().orElse(report.memory().totalMb());
            why = "Metal: " + report.metal().reason();
        } else {
            accelerator = Accelerator.CPU;
            memoryMb = report.memory().totalMb();
            why = report.cuda().usable()
                    ? "CPU: CUDA is usable but its VRAM is unknown; give the VRAM as a memory override to tier by it"
                    : "CPU: " + (report.cuda().nvidiaGpu() ? report.cuda().reason()
                            : "no usable GPU (no NVIDIA GPU with CUDA, not Apple Silicon)") + "; CPU is always Cold";
        }
        if (memoryOverrideMb.isPresent()) {
            memoryMb = memoryOverrideMb.get();
            why = why + " (memory set by the user to " + memoryMb + " MB)";
        }
        GpuTier tier = classify(accelerator, memoryMb);
        List<ModelEligibility> models = new ArrayList<>();
        for (ModelRequirement m : approvedModels) {
            models.add(judge(m, tier, accelerator, memoryMb));
        }
        return new TierAssessment(tier, accelerator, memoryMb, memoryOverrideMb.isPresent(), why, models);
    }

    private static OptionalLong cudaVram(HardwareReport report) {
        return report.gpus().stream().filter(GpuInfo::nvidia).map(GpuInfo::vramMb).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
    }

    private static ModelEligibility judge(ModelRequirement m, GpuTier tier, Accelerator accelerator, long memoryMb) {
        List<String> missing = new ArrayList<>();
        if (!tier.atLeast(m.minTier())) {
            missing.add("needs tier " + m.minTier().wireName() + ", this machine is " + tier.wireName()
                    + (accelerator == Accelerator.CPU ? " (CPU is always Cold)" : ""));
        }
        if (memoryMb < m.minMemoryMb()) {
            missing.add("needs " + m.minMemoryMb() + " MB of memory, " + accelerator.displayName() + " has "
                    + memoryMb + " MB");
        }
        return missing.isEmpty() ? new ModelEligibility(m, true, Optional.empty())
                : new ModelEligibility(m, false, Optional.of(String.join("; ", missing)));
    }
}
