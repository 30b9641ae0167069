package network.qfc.miner.core.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a proof says was computed: the Rust {@code ComputeTaskType} enum, Borsh tags 0..3 in declaration order.
 * Hashes are 32 bytes; {@code u32}/{@code u64} fields live in Java longs (u64 read as unsigned).
 */
public sealed interface ComputeTaskType {
    int HASH_BYTES = 32;

    /** The Borsh variant tag. */
    int tag();

    /** The model this task names, absent for {@link OnnxInference}. */
    Optional<ModelId> modelId();

    /** The node's name for this kind of task: {@code embedding}, {@code text_generation}, ... */
    String taskTypeName();

    /** Appends tag and fields. */
    void writeTo(BorshWriter w);

    /** Reads one variant; an unknown tag is a {@link ProofFormatException}. */
    static ComputeTaskType readFrom(BorshReader r) {
        int tag = r.u8("task_type tag");
        return switch (tag) {
            case 0 -> new TextGeneration(readModel(r), r.fixed(HASH_BYTES, "prompt_hash"), r.u32("max_tokens"),
                    r.u32("temperature_fp"), r.u64("seed"));
            case 1 -> new ImageClassification(readModel(r), r.fixed(HASH_BYTES, "input_hash"));
            case 2 -> new Embedding(readModel(r), r.fixed(HASH_BYTES, "input_hash"));
            case 3 -> new OnnxInference(r.fixed(HASH_BYTES, "model_hash"), r.fixed(HASH_BYTES, "input_hash"));
            default -> throw new ProofFormatException("unknown task_type variant tag " + tag
                    + " at offset " + (r.position() - 1) + " (expected 0..3)");
        };
    }

    private static ModelId readModel(BorshReader r) {
        String name = r.string("model_id.name");
        String version = r.string("model_id.version");
        try {
            return new ModelId(name, version);
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("model_id is empty: " + e.getMessage());
        }
    }

    private static void writeModel(BorshWriter w, ModelId m) {
        w.string(m.name()).string(m.version());
    }

    private static byte[] hash(byte[] h, String what) {
        Objects.requireNonNull(h, what);
        if (h.length != HASH_BYTES) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + h.length);
        }
        return h.clone();
    }

    private static long u32(long v, String what) {
        if (v < 0 || v > 0xffff_ffffL) {
            throw new IllegalArgumentException(what + " must fit in a u32 (0..4294967295), got " + v);
        }
        return v;
    }

    /** Tag 0: LLM text generation. {@code maxTokens}, {@code temperatureFp} u32; {@code seed} u64. */
    record TextGeneration(ModelId model, byte[] promptHash, long maxTokens, long temperatureFp, long seed)
            implements ComputeTaskType {
        public TextGeneration {
            Objects.requireNonNull(model, "model");
            promptHash = hash(promptHash, "prompt_hash");
            u32(maxTokens, "max_tokens");
            u32(temperatureFp, "temperature_fp");
        }

        @Override public byte[] promptHash() { return promptHash.clone(); }
        @Override public int tag() { return 0; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }
        @Override public String taskTypeName() { return "text_generation"; }

        @Override
        public void writeTo(BorshWriter w) {
            w.u8(0);
            writeModel(w, model);
            w.fixed(promptHash, HASH_BYTES, "prompt_hash").u32(maxTokens).u32(temperatureFp).u64(seed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TextGeneration t && model.equals(t.model) && Arrays.equals(promptHash, t.promptHash)
                    && maxTokens == t.maxTokens && temperatureFp == t.temperatureFp && seed == t.seed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, Arrays.hashCode(promptHash), maxTokens, temperatureFp, seed);
        }

        @Override
        public String toString() {
            return "TextGeneration[model=" + model + ", promptHash=" + Hex.encode(promptHash) + ", maxTokens="
                    + maxTokens + ", temperatureFp=" + temperatureFp + ", seed=" + Long.toUnsignedString(seed) + "]";
        }
    }

    /** Tag 1: image classification; {@code inputHash} = BLAKE3(raw input). */
    record ImageClassification(ModelId model, byte[] inputHash) implements ComputeTaskType {
        public ImageClassification {
            Objects.requireNonNull(model, "model");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public int tag() { return 1; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }
        @Override public String taskTypeName() { return "image_classification"; }

        @Override
        public void writeTo(BorshWriter w) {
            w.u8(1);
            writeModel(w, model);
            w.fixed(inputHash, HASH_BYTES, "input_hash");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ImageClassification t && model.equals(t.model) && Arrays.equals(inputHash, t.inputHash);
        }

        @Override
        public int hashCode() {
            return 31 * model.hashCode() + Arrays.hashCode(inputHash);
        }

        @Override
        public String toString() {
            return "ImageClassification[model=" + model + ", inputHash=" + Hex.encode(inputHash) + "]";
        }
    }

    /** Tag 2: sentence embedding; {@code inputHash} = BLAKE3(UTF-8 input text). */
    record Embedding(ModelId model, byte[] inputHash) implements ComputeTaskType {
        public Embedding {
            Objects.requireNonNull(model, "model");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public int tag() { return 2; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }
        @Override public String taskTypeName() { return "embedding"; }

        @Override
        public void writeTo(BorshWriter w) {
            w.u8(2);
            writeModel(w, model);
            w.fixed(inputHash, HASH_BYTES, "input_hash");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Embedding t && model.equals(t.model) && Arrays.equals(inputHash, t.inputHash);
        }

        @Override
        public int hashCode() {
            return 37 * model.hashCode() + Arrays.hashCode(inputHash);
        }

        @Override
        public String toString() {
            return "Embedding[model=" + model + ", inputHash=" + Hex.encode(inputHash) + "]";
        }
    }

    /** Tag 3: a generic ONNX model named by the hash of its file. */
    record OnnxInference(byte[] modelHash, byte[] inputHash) implements ComputeTaskType {
        public OnnxInference {
            modelHash = hash(modelHash, "model_hash");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] modelHash() { return modelHash.clone(); }
        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public int tag() { return 3; }
        @Override public Optional<ModelId> modelId() { return Optional.empty(); }
        @Override public String taskTypeName() { return "onnx_inference"; }

        @Override
        public void writeTo(BorshWriter w) {
            w.u8(3);
            w.fixed(modelHash, HASH_BYTES, "model_hash").fixed(inputHash, HASH_BYTES, "input_hash");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OnnxInference t && Arrays.equals(modelHash, t.modelHash)
                    && Arrays.equals(inputHash, t.inputHash);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(modelHash) + Arrays.hashCode(inputHash);
        }

        @Override
        public String toString() {
            return "OnnxInference[modelHash=" + Hex.encode(modelHash) + ", inputHash=" + Hex.encode(inputHash) + "]";
        }
    }
}
