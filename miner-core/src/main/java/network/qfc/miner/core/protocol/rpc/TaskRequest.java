package network.qfc.miner.core.protocol.rpc;

import java.util.Objects;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.probe.GpuTier;

/** {@code qfc_getInferenceTask}'s request. An embedding task needs tier Cold or better and 1024 MB or more. */
public record TaskRequest(Address minerAddress, GpuTier gpuTier, long availableMemoryMb, ComputeBackend backend) {
    public TaskRequest {
        Objects.requireNonNull(minerAddress, "minerAddress");
        Objects.requireNonNull(gpuTier, "gpuTier");
        Objects.requireNonNull(backend, "backend");
        if (availableMemoryMb < 0) {
            throw new IllegalArgumentException("available memory must not be negative");
        }
    }
}
