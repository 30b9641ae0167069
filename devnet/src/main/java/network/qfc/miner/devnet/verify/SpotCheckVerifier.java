package network.qfc.miner.devnet.verify;

import java.util.Optional;
import network.qfc.miner.core.protocol.ModelId;

/**
 * Re-executes a task the way the devnet checks a miner: the devnet's own output for an input. The real implementation
 * ({@link EngineSpotCheckVerifier}) runs the project's inference engine on the real model.
 */
public interface SpotCheckVerifier extends AutoCloseable {

    /** The devnet's own embedding: the unit vector and BLAKE3 of its f32 little-endian bytes. */
    record Reference(float[] vector, byte[] outputHash) {
        public Reference {
            vector = vector.clone();
            outputHash = outputHash.clone();
        }

        @Override
        public float[] vector() {
            return vector.clone();
        }

        @Override
        public byte[] outputHash() {
            return outputHash.clone();
        }
    }

    /**
     * The devnet's output for {@code input} with {@code model}, or empty when this devnet cannot run that model.
     *
     * @throws RuntimeException when the model fails to run (the caller logs it and skips the check, as the node does)
     */
    Optional<Reference> reexecute(ModelId model, byte[] input);

    /** Whether this verifier can run {@code model} at all. */
    boolean canRun(ModelId model);

    @Override
    void close();
}
