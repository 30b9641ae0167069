package network.qfc.miner.core.inference;

import java.util.Objects;
import java.util.Optional;
import network.qfc.miner.core.protocol.ComputeBackend;

/**
 * The backend asked for and the one that really runs, with the reason when they differ (e.g. "CUDA requested but
 * libcudart 12 not found: using CPU"). What a proof reports is {@link #actual()}.
 */
public record BackendSelection(BackendPreference requested, ComputeBackend actual, Optional<String> fallbackReason) {
    public BackendSelection {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    public boolean fellBack() {
        return fallbackReason.isPresent();
    }
}
