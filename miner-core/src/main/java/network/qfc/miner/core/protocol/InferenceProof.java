package network.qfc.miner.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The proof a miner submits for a task, Borsh-encoded exactly like qfc-inference's {@code InferenceProof}:
 * validator (20 bytes), epoch u64, task type, input hash (the reference miner puts the TASK ID here), output hash,
 * execution time ms u64, flops u64, backend u8, timestamp u64 (seconds), signature (64 bytes).
 *
 * <p>The signature is Ed25519 over {@link #signingDigest()} = BLAKE3({@link #unsignedBytes()}). u64 fields are
 * Java longs read as unsigned. An unsigned proof carries 64 zero bytes, as Rust's {@code Signature::default()}.
 */
public record InferenceProof(Address validator, long epoch, ComputeTaskType taskType, byte[] inputHash,
                             byte[] outputHash, long executionTimeMs, long flopsEstimated, ComputeBackend backend,
                             long timestamp, byte[] signature) {
    public static final int HASH_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    public InferenceProof {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(backend, "backend");
        inputHash = copy(inputHash, HASH_BYTES, "input_hash");
        outputHash = copy(outputHash, HASH_BYTES, "output_hash");
        signature = signature == null ? new byte[SIGNATURE_BYTES] : copy(signature, SIGNATURE_BYTES, "signature");
    }

    private static byte[] copy(byte[] b, int len, String what) {
        Objects.requireNonNull(b, what);
        if (b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes, got " + b.length);
        }
        return b.clone();
    }

    /** A proof with an all-zero signature, ready for {@link #signedBy(ValidatorKey)}. */
    public static InferenceProof unsigned(Address validator, long epoch, ComputeTaskType taskType, byte[] inputHash,
                                          byte[] outputHash, long executionTimeMs, long flopsEstimated,
                                          ComputeBackend backend, long timestamp) {
        return new InferenceProof(validator, epoch, taskType, inputHash, outputHash, executionTimeMs, flopsEstimated,
                backend, timestamp, null);
    }

    @Override public byte[] inputHash() { return inputHash.clone(); }
    @Override public byte[] outputHash() { return outputHash.clone(); }
    @Override public byte[] signature() { return signature.clone(); }

    /** Borsh of every field but the signature: what is hashed and signed. */
    public byte[] unsignedBytes() {
        return writeUnsigned(new BorshWriter()).toByteArray();
    }

    private BorshWriter writeUnsigned(BorshWriter w) {
        w.fixed(validator.bytes(), Address.BYTES, "validator").u64(epoch);
        taskType.writeTo(w);
        return w.fixed(inputHash, HASH_BYTES, "input_hash")
                .fixed(outputHash, HASH_BYTES, "output_hash")
                .u64(executionTimeMs)
                .u64(flopsEstimated)
                .u8(backend.borshTag())
                .u64(timestamp);
    }

    /** BLAKE3-256 of {@link #unsignedBytes()}: the 32 bytes the validator key signs. */
    public byte[] signingDigest() {
        return Blake3.hash(unsignedBytes());
    }

    /** Borsh of all fields, signature included: the bytes behind {@code proofBytes}. */
    public byte[] toBytes() {
        return writeUnsigned(new BorshWriter()).fixed(signature, SIGNATURE_BYTES, "signature").toByteArray();
    }

    /** Lower-case hex of {@link #toBytes()} without {@code 0x} (a v2.0 node rejects the prefix). */
    public String proofBytesHex() {
        return Hex.encode(toBytes());
    }

    /** Decodes strictly: truncated input, trailing bytes, unknown tags and bad UTF-8 are {@link ProofFormatException}s. */
    public static InferenceProof decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "proof bytes");
        BorshReader r = new BorshReader(bytes);
        Address validator = Address.of(r.fixed(Address.BYTES, "validator"));
        long epoch = r.u64("epoch");
        ComputeTaskType type = ComputeTaskType.readFrom(r);
        byte[] input = r.fixed(HASH_BYTES, "input_hash");
        byte[] output = r.fixed(HASH_BYTES, "output_hash");
        long time = r.u64("execution_time_ms");
        long flops = r.u64("flops_estimated");
        int backendTag = r.u8("backend");
        ComputeBackend backend;
        try {
            backend = ComputeBackend.fromBorshTag(backendTag);
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("unknown backend variant tag " + backendTag + " at offset "
                    + (r.position() - 1) + " (expected 0 CUDA, 1 Metal, 2 CPU)");
        }
        long timestamp = r.u64("timestamp");
        byte[] sig = r.fixed(SIGNATURE_BYTES, "signature");
        r.finish("inference proof");
        return new InferenceProof(validator, epoch, type, input, output, time, flops, backend, timestamp, sig);
    }

    /** This proof signed by {@code key}. The key's address must be the proof's validator. */
    public InferenceProof signedBy(ValidatorKey key) {
        if (!key.address().equals(validator)) {
            throw new IllegalArgumentException("the key of " + key.address() + " cannot sign a proof of validator "
                    + validator);
        }
        return new InferenceProof(validator, epoch, taskType, inputHash, outputHash, executionTimeMs, flopsEstimated,
                backend, timestamp, key.sign(signingDigest()));
    }

    /** True when {@link #signature()} is an Ed25519 signature of {@link #signingDigest()} by {@code publicKey}. */
    public boolean verifySignature(byte[] publicKey) {
        return ValidatorKey.verify(publicKey, signingDigest(), signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferenceProof p && validator.equals(p.validator) && epoch == p.epoch
                && taskType.equals(p.taskType) && Arrays.equals(inputHash, p.inputHash)
                && Arrays.equals(outputHash, p.outputHash) && executionTimeMs == p.executionTimeMs
                && flopsEstimated == p.flopsEstimated && backend == p.backend && timestamp == p.timestamp
                && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(validator, epoch, taskType, Arrays.hashCode(inputHash), Arrays.hashCode(outputHash),
                executionTimeMs, flopsEstimated, backend, timestamp, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "InferenceProof[validator=" + validator + ", epoch=" + Long.toUnsignedString(epoch) + ", taskType="
                + taskType + ", inputHash=" + Hex.encode(inputHash) + ", outputHash=" + Hex.encode(outputHash)
                + ", executionTimeMs=" + Long.toUnsignedString(executionTimeMs) + ", flopsEstimated="
                + Long.toUnsignedString(flopsEstimated) + ", backend=" + backend + ", timestamp="
                + Long.toUnsignedString(timestamp) + ", signature=" + Hex.encode(signature) + "]";
    }
}
