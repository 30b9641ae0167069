package network.qfc.miner.probe;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the CUDA backend of ONNX Runtime can run here: an NVIDIA GPU, its driver, and the CUDA 12 runtime library.
 *
 * @param nvidiaGpu      an NVIDIA GPU was found (by {@code nvidia-smi} or OSHI)
 * @param driverVersion  the NVIDIA driver version from {@code nvidia-smi}, empty when it is absent or failed
 * @param runtimeLibrary where the CUDA 12 runtime ({@code libcudart.so.12} / {@code cudart64_12.dll}) was found
 * @param reason         in the user's words: why it is usable, or what is missing and what to do
 */
public record CudaStatus(boolean nvidiaGpu, Optional<String> driverVersion, Optional<Path> runtimeLibrary,
                         String reason) {

    /** All three present: GPU, driver and runtime. */
    public boolean usable() {
        return nvidiaGpu && driverVersion.isPresent() && runtimeLibrary.isPresent();
    }
}
