package network.qfc.miner.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The proof a miner submits for a task, Borsh-encoded exactly like qfc-inference's {@code InferenceProof} in its
 * {@link #layout()}: validator (20 bytes), epoch u64, task type, input hash (the reference miner puts the TASK ID
 * here), output hash, execution time ms u64, flops u64, backend u8, [canonical format u8, layout C only], timestamp
 * u64 (seconds), signature (64 bytes).
 *
 * <p>The signature is Ed25519 over {@link #signingDigest()} = BLAKE3({@link #unsignedBytes()}), so it covers the
 * layout's bytes: {@link #relayout(ProofLayout, ValidatorKey)} re-signs. u64 fields are Java longs read as unsigned.
 * An unsigned proof carries 64 zero bytes, as Rust's {@code Signature::default()}. The constructors without a layout
 * make layout A proofs (v2.0, the bytes this miner has always sent). In layouts A and B the canonical format is not
 * on the wire: it is kept (so a later {@code relayout} to C has it) but takes no part in equality, and a decoded A or
 * B proof carries {@link CanonicalFormat#SAFETENSORS_FP32}.
 */
public record InferenceProof(Address validator, long epoch, ComputeTaskType taskType, byte[] inputHash,
                             byte[] outputHash, long executionTimeMs, long flopsEstimated, ComputeBackend backend,
                             CanonicalFormat canonicalFormat, long timestamp, byte[] signature, ProofLayout layout) {
    public static final int HASH_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    /**
     * @throws LayoutUnsupportedException when {@code layout} cannot carry the backend or the task type
     */
    public InferenceProof {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(canonicalFormat, "canonicalFormat");
        Objects.requireNonNull(layout, "layout");
        inputHash = copy(inputHash, HASH_BYTES, "input_hash");
        outputHash = copy(outputHash, HASH_BYTES, "output_hash");
        signature = signature == null ? new byte[SIGNATURE_BYTES] : copy(signature, SIGNATURE_BYTES, "signature");
        layout.backendTag(backend);
        taskType.tag(layout);
    }

    /** A layout-A proof (v2.0), as this miner has always made them. */
    public InferenceProof(Address validator, long epoch, ComputeTaskType taskType, byte[] inputHash, byte[] outputHash,
                          long executionTimeMs, long flopsEstimated, ComputeBackend backend, long timestamp,
                          byte[] signature) {
        this(validator, epoch, taskType, inputHash, outputHash, executionTimeMs, flopsEstimated, backend,
                CanonicalFormat.SAFETENSORS_FP32, timestamp, signature, ProofLayout.A);
    }

    private static byte[] copy(byte[] b, int len, String what) {
        Objects.requireNonNull(b, what);
        if (b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes, got " + b.length);
        }
        return b.clone();
    }

    /** A layout-A proof with an all-zero signature, ready for {@link #signedBy(ValidatorKey)}. */
    public static InferenceProof unsigned(Address validator, long epoch, ComputeTaskType taskType, byte[] inputHash,
                                          byte[] outputHash, long executionTimeMs, long flopsEstimated,
                                          ComputeBackend backend, long timestamp) {
        return new InferenceProof(validator, epoch, taskType, inputHash, outputHash, executionTimeMs, flopsEstimated,
                backend, timestamp, null);
    }

    /** A proof of {@code layout} with an all-zero signature; the canonical format is the one the model requires. */
    public static InferenceProof unsigned(ProofLayout layout, Address validator, long epoch, ComputeTaskType taskType,
                                          byte[] inputHash, byte[] outputHash, long executionTimeMs,
                                          long flopsEstimated, ComputeBackend backend, long timestamp) {
        CanonicalFormat format = taskType.modelId().map(CanonicalFormat::requiredFor)
                .orElse(CanonicalFormat.SAFETENSORS_FP32);
        return new InferenceProof(validator, epoch, taskType, inputHash, outputHash, executionTimeMs, flopsEstimated,
                backend, format, timestamp, null, layout);
    }

    @Override public byte[] inputHash() { return inputHash.clone(); }
    @Override public byte[] outputHash() { return outputHash.clone(); }
    @Override public byte[] signature() { return signature.clone(); }

    /** True when the signature is not all zeros (it may still be wrong: see {@link #verifySignature(byte[])}). */
    public boolean isSigned() {
        for (byte b : signature) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** Borsh of every field but the signature, in this proof's layout: what is hashed and signed. */
    public byte[] unsignedBytes() {
        return writeUnsigned(new BorshWriter()).toByteArray();
    }

    private BorshWriter writeUnsigned(BorshWriter w) {
        w.fixed(validator.bytes(), Address.BYTES, "validator").u64(epoch);
        taskType.writeTo(w, layout);
        w.fixed(inputHash, HASH_BYTES, "input_hash")
                .fixed(outputHash, HASH_BYTES, "output_hash")
                .u64(executionTimeMs)
                .u64(flopsEstimated)
                .u8(backend.borshTag(layout));
        if (layout.hasCanonicalFormat()) {
            w.u8(canonicalFormat.borshTag());
        }
        return w.u64(timestamp);
    }

    /** BLAKE3-256 of {@link #unsignedBytes()}: the 32 bytes the validator key signs. */
    public byte[] signingDigest() {
        return Blake3.hash(unsignedBytes());
    }

    /** Borsh of all fields in this proof's layout, signature included: the bytes behind {@code proofBytes}. */
    public byte[] toBytes() {
        return writeUnsigned(new BorshWriter()).fixed(signature, SIGNATURE_BYTES, "signature").toByteArray();
    }

    /** Lower-case hex of {@link #toBytes()} without {@code 0x} (a v2.0 node rejects the prefix). */
    public String proofBytesHex() {
        return Hex.encode(toBytes());
    }

    /** Decodes a layout-A proof strictly (see {@link #decode(byte[], ProofLayout)}). */
    public static InferenceProof decode(byte[] bytes) {
        return decode(bytes, ProofLayout.A);
    }

    /**
     * Decodes strictly as a node of {@code layout} does: truncated input, trailing bytes, unknown tags and bad UTF-8
     * are {@link ProofFormatException}s.
     */
    public static InferenceProof decode(byte[] bytes, ProofLayout layout) {
        Objects.requireNonNull(bytes, "proof bytes");
        Objects.requireNonNull(layout, "layout");
        BorshReader r = new BorshReader(bytes);
        Address validator = Address.of(r.fixed(Address.BYTES, "validator"));
        long epoch = r.u64("epoch");
        ComputeTaskType type = ComputeTaskType.readFrom(r, layout);
        byte[] input = r.fixed(HASH_BYTES, "input_hash");
        byte[] output = r.fixed(HASH_BYTES, "output_hash");
        long time = r.u64("execution_time_ms");
        long flops = r.u64("flops_estimated");
        ComputeBackend backend = layout.backendOf(r.u8("backend"), r.position() - 1);
        CanonicalFormat format = CanonicalFormat.SAFETENSORS_FP32;
        if (layout.hasCanonicalFormat()) {
            format = CanonicalFormat.fromBorshTag(r.u8("canonical_format"), r.position() - 1);
        }
        long timestamp = r.u64("timestamp");
        byte[] sig = r.fixed(SIGNATURE_BYTES, "signature");
        r.finish("inference proof (" + layout.displayName() + ")");
        return new InferenceProof(validator, epoch, type, input, output, time, flops, backend, format, timestamp, sig,
                layout);
    }

    private InferenceProof with(long newEpoch, long newTimestamp, CanonicalFormat format, ProofLayout newLayout,
                                byte[] newSignature) {
        return new InferenceProof(validator, newEpoch, taskType, inputHash, outputHash,
                executionTimeMs, flopsEstimated, backend, format, newTimestamp, newSignature, newLayout);
    }

    /** The same fields in {@code newLayout}, UNSIGNED (the signature covers the layout's bytes: sign it again). */
    public InferenceProof inLayout(ProofLayout newLayout) {
        return with(epoch, timestamp, canonicalFormat, newLayout, null);
    }

    /** The same fields in {@code newLayout}, signed by {@code key}: the re-encode of a negotiation step. */
    public InferenceProof relayout(ProofLayout newLayout, ValidatorKey key) {
        return inLayout(newLayout).signedBy(key);
    }

    /** This proof with another timestamp (seconds), UNSIGNED: sign it again. */
    public InferenceProof restamped(long newTimestamp) {
        return with(epoch, newTimestamp, canonicalFormat, layout, null);
    }

    /** This proof with another epoch, UNSIGNED: sign it again. */
    public InferenceProof withEpoch(long newEpoch) {
        return with(newEpoch, timestamp, canonicalFormat, layout, null);
    }

    /** This proof with another canonical format, UNSIGNED: sign it again. */
    public InferenceProof withCanonicalFormat(CanonicalFormat format) {
        return with(epoch, timestamp, format, layout, null);
    }

    /** This proof signed by {@code key}. The key's address must be the proof's validator. */
    public InferenceProof signedBy(ValidatorKey key) {
        if (!key.address().equals(validator)) {
            throw new IllegalArgumentException("the key of " + key.address() + " cannot sign a proof of validator "
                    + validator);
        }
        return with(epoch, timestamp, canonicalFormat, layout, key.sign(signingDigest()));
    }

    /** True when {@link #signature()} is an Ed25519 signature of {@link #signingDigest()} by {@code publicKey}. */
    public boolean verifySignature(byte[] publicKey) {
        return ValidatorKey.verify(publicKey, signingDigest(), signature);
    }

    private CanonicalFormat wireFormat() {
        return layout.hasCanonicalFormat() ? canonicalFormat : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferenceProof p && layout == p.layout && validator.equals(p.validator)
                && epoch == p.epoch && taskType.equals(p.taskType) && Arrays.equals(inputHash, p.inputHash)
                && Arrays.equals(outputHash, p.outputHash) && executionTimeMs == p.executionTimeMs
                && flopsEstimated == p.flopsEstimated && backend == p.backend && wireFormat() == p.wireFormat()
                && timestamp == p.timestamp && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layout, validator, epoch, taskType, Arrays.hashCode(inputHash), Arrays.hashCode(outputHash),
                executionTimeMs, flopsEstimated, backend, wireFormat(), timestamp, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "InferenceProof[layout=" + layout + ", validator=" + validator + ", epoch="
                + Long.toUnsignedString(epoch) + ", taskType=" + taskType + ", inputHash=" + Hex.encode(inputHash)
                + ", outputHash=" + Hex.encode(outputHash) + ", executionTimeMs="
                + Long.toUnsignedString(executionTimeMs) + ", flopsEstimated=" + Long.toUnsignedString(flopsEstimated)
                + ", backend=" + backend + (layout.hasCanonicalFormat() ? ", canonicalFormat=" + canonicalFormat : "")
                + ", timestamp=" + Long.toUnsignedString(timestamp) + ", signature=" + Hex.encode(signature) + "]";
    }
}
