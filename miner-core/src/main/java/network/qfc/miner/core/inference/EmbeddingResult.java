package network.qfc.miner.core.inference;

import network.qfc.miner.core.protocol.ComputeBackend;

/**
 * The output of one embedding task: the unit vector, its canonical bytes (f32 little-endian), their BLAKE3-256 hash
 * (the proof's output hash), the count of real tokens the model ran on, the encoding length the mean divides by,
 * the wall time of tokenizing + model + pooling, and the backend that really ran it.
 */
public record EmbeddingResult(float[] vector, byte[] outputBytes, byte[] outputHash, int tokens, int encodingLength,
                              long inferenceNanos, ComputeBackend backend) {
    public int dimension() {
        return vector.length;
    }
}
