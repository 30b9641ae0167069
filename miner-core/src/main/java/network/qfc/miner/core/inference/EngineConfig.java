package network.qfc.miner.core.inference;

import java.nio.file.Path;
import java.util.Objects;
import network.qfc.miner.core.AppDirectories;

/**
 * How an {@link InferenceEngine} runs: the backend asked for, ONNX Runtime's intra-op threads per inference, where
 * native libraries are unpacked (never the system temp folder), and the memory the model pool may fill.
 */
public record EngineConfig(BackendPreference preference, int intraOpThreads, Path nativeCacheDir, long memoryBudgetMb) {
    /** Memory budget of the pool when none is chosen: enough for every approved model. */
    public static final long DEFAULT_MEMORY_BUDGET_MB = 2048;

    public EngineConfig {
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(nativeCacheDir, "nativeCacheDir");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        if (memoryBudgetMb < 1) {
            throw new IllegalArgumentException("memoryBudgetMb must be positive, was " + memoryBudgetMb);
        }
    }

    /** Auto backend, one intra-op thread per physical core, natives in the app's cache, the default budget. */
    public static EngineConfig defaults(AppDirectories dirs) {
        return new EngineConfig(BackendPreference.AUTO, PhysicalCores.count(), dirs.nativeCache(), DEFAULT_MEMORY_BUDGET_MB);
    }

    public EngineConfig withThreads(int threads) {
        return new EngineConfig(preference, threads, nativeCacheDir, memoryBudgetMb);
    }

    public EngineConfig withPreference(BackendPreference p) {
        return new EngineConfig(p, intraOpThreads, nativeCacheDir, memoryBudgetMb);
    }

    public EngineConfig withMemoryBudgetMb(long mb) {
        return new EngineConfig(preference, intraOpThreads, nativeCacheDir, mb);
    }
}
