package network.qfc.miner.core.inference;

import java.util.Objects;

/**
 * The outcome of a backend's canonical self-check for one model: how many of the fixed inputs gave the same output
 * hash on the backend as on the CPU (the network's reference computation), and whether the miner mines on it.
 *
 * @param backend the backend's name as a person reads it ("CoreML", "CUDA")
 * @param backendKey the backend's wire name, part of the cache key
 * @param model the model, as {@code name@version}
 * @param checks inputs compared
 * @param mismatches inputs whose hash differed
 * @param tolerated mined on despite mismatches because the node verifies with tolerance
 * @param checkedAtMillis when it was measured (epoch milliseconds)
 */
public record SelfCheckResult(String backend, String backendKey, String model, int checks, int mismatches,
                              boolean tolerated, long checkedAtMillis) {
    public SelfCheckResult {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(backendKey, "backendKey");
        Objects.requireNonNull(model, "model");
    }

    /** Whether every hash matched. */
    public boolean identical() {
        return mismatches == 0;
    }

    /** Whether the miner mines on the backend. */
    public boolean minesOnBackend() {
        return identical() || tolerated;
    }

    /** What the user reads, plainly. */
    public String message() {
        if (identical()) {
            return backend + " gives the network's reference results on all " + checks + " checks of " + model
                    + ": mining on " + backend;
        }
        String differs = backend + " gives different results than the network's reference on " + mismatches + " of "
                + checks + " checks";
        return tolerated ? differs + "; the node verifies with tolerance, so mining on " + backend
                : differs + "; mining on CPU to avoid a slash";
    }
}
