package network.qfc.miner.core.inference;

import ai.djl.Device;
import ai.djl.repository.zoo.Criteria;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import network.qfc.miner.core.protocol.ComputeBackend;

/** The real ONNX Runtime execution providers of this machine, in the order {@code auto} tries them. */
public final class OrtProviders {
    private OrtProviders() {
    }

    /** CUDA, Metal (CoreML), CPU. */
    public static List<ExecutionProvider> standard() {
        return List.of(new Cuda(), new Metal(), new Cpu());
    }

    /** NVIDIA CUDA: needs the onnxruntime_gpu build, an NVIDIA driver and libcudart 12. */
    static final class Cuda implements ExecutionProvider {
        @Override
        public ComputeBackend backend() {
            return ComputeBackend.CUDA;
        }

        @Override
        public void addTo(OrtSession.SessionOptions options) throws ProviderUnavailableException {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                throw new ProviderUnavailableException("this ONNX Runtime build has no CUDA provider"
                        + (cudartPresent() ? "" : " and libcudart 12 not found"));
            }
            if (!cudartPresent()) {
                throw new ProviderUnavailableException("libcudart 12 not found");
            }
            try {
                options.addCUDA(0);
            } catch (OrtException | RuntimeException e) {
                throw new ProviderUnavailableException("the CUDA provider did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void configure(Criteria.Builder<TokenizedInput, float[]> criteria) {
            // DJL's OnnxRuntime engine adds CUDA on a GPU device
            criteria.optDevice(Device.gpu());
        }

        private static boolean cudartPresent() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<Path> dirs = new ArrayList<>();
            for (String var : List.of("LD_LIBRARY_PATH", "CUDA_PATH", "PATH")) {
                String v = System.getenv(var);
                if (v != null) {
                    for (String d : v.split(java.io.File.pathSeparator)) {
                        if (!d.isBlank()) {
                            dirs.add(Path.of(d));
                            dirs.add(Path.of(d, "bin"));
                            dirs.add(Path.of(d, "lib64"));
                        }
                    }
                }
            }
            dirs.addAll(List.of(Path.of("/usr/local/cuda/lib64"), Path.of("/usr/lib/x86_64-linux-gnu"),
                    Path.of("/usr/lib64"), Path.of("/usr/lib")));
            for (Path d : dirs) {
                if (os.contains("win") ? Files.exists(d.resolve("cudart64_12.dll"))
                        : Files.exists(d.resolve("libcudart.so.12"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Apple Silicon GPU through ONNX Runtime's CoreML provider. */
    static final class Metal implements ExecutionProvider {
        @Override
        public ComputeBackend backend() {
            return ComputeBackend.METAL;
        }

        @Override
        public void addTo(OrtSession.SessionOptions options) throws ProviderUnavailableException {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.contains("mac") || !arch.equals("aarch64")) {
                throw new ProviderUnavailableException("Metal needs macOS on Apple Silicon");
            }
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CORE_ML)) {
                throw new ProviderUnavailableException("this ONNX Runtime build has no CoreML provider");
            }
            try {
                options.addCoreML();
            } catch (OrtException | RuntimeException e) {
                throw new ProviderUnavailableException("the CoreML provider did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void configure(Criteria.Builder<TokenizedInput, float[]> criteria) {
            criteria.optOption("ortDevice", "CoreML");
        }
    }

    /** ONNX Runtime's own CPU kernels: always there. */
    static final class Cpu implements ExecutionProvider {
        @Override
        public ComputeBackend backend() {
            return ComputeBackend.CPU;
        }

        @Override
        public void addTo(OrtSession.SessionOptions options) {
            // the CPU provider is ONNX Runtime's default: nothing to add
        }
    }
}
