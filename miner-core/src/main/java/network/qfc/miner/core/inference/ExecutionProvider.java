package network.qfc.miner.core.inference;

import ai.djl.repository.zoo.Criteria;
import ai.onnxruntime.OrtSession;
import network.qfc.miner.core.protocol.ComputeBackend;

/**
 * One way of running ONNX Runtime (CUDA, CoreML for Metal, plain CPU): "try to start provider X". Tests inject
 * providers that fail, since no GPU is here.
 */
public interface ExecutionProvider {
    /** The backend a proof reports when this provider runs the model. */
    ComputeBackend backend();

    /**
     * Adds this provider to session options; throws {@link ProviderUnavailableException} with a reason a person
     * understands ("libcudart 12 not found") when it cannot start.
     */
    void addTo(OrtSession.SessionOptions options) throws ProviderUnavailableException;

    /**
     * Puts this provider into the DJL criteria the model is loaded with (the OnnxRuntime engine's device or
     * {@code ortDevice} option); the CPU adds nothing.
     */
    default void configure(Criteria.Builder<TokenizedInput, float[]> criteria) throws ProviderUnavailableException {
    }

    /** A provider could not start; the message is the reason shown to the user. */
    final class ProviderUnavailableException extends Exception {
        public ProviderUnavailableException(String reason) {
            super(reason);
        }

        public ProviderUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
