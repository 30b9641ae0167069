package network.qfc.miner.core.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a proof says was computed: the Rust {@code ComputeTaskType} enum. Its Borsh variant tags depend on the
 * {@link ProofLayout}: A (v2.0) has 0 TextGeneration, 1 ImageClassification, 2 Embedding, 3 OnnxInference; B and C
 * have 0..2 as A, then 3 SpeechToText, 4 ImageGeneration, 5 OnnxInference. Hashes are 32 bytes; {@code u32}/{@code
 * u64} fields live in Java longs (u64 read as unsigned).
 */
public sealed interface ComputeTaskType {
    int HASH_BYTES = 32;

    /** The variant, independent of any layout; {@link #wireName()} is the node's {@code task_type_name()}. */
    enum Kind {
        TEXT_GENERATION("text_generation"),
        IMAGE_CLASSIFICATION("image_classification"),
        EMBEDDING("embedding"),
        SPEECH_TO_TEXT("speech_to_text"),
        IMAGE_GENERATION("image_generation"),
        ONNX_INFERENCE("onnx_inference");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Which variant this is. */
    Kind kind();

    /** The Borsh variant tag in {@code layout}; a {@link LayoutUnsupportedException} when the layout lacks it. */
    default int tag(ProofLayout layout) {
        return layout.taskTypeTag(kind());
    }

    /** The model this task names, absent for {@link OnnxInference}. */
    Optional<ModelId> modelId();

    /** The node's name for this kind of task: {@code embedding}, {@code text_generation}, ... */
    default String taskTypeName() {
        return kind().wireName();
    }

    /** Appends the variant's fields (no tag). */
    void writeFields(BorshWriter w);

    /** Appends tag and fields as layout A (v2.0) encodes them. */
    default void writeTo(BorshWriter w) {
        writeTo(w, ProofLayout.A);
    }

    /** Appends tag and fields as {@code layout} encodes them. */
    default void writeTo(BorshWriter w, ProofLayout layout) {
        w.u8(tag(layout));
        writeFields(w);
    }

    /** Reads one layout-A variant. */
    static ComputeTaskType readFrom(BorshReader r) {
        return readFrom(r, ProofLayout.A);
    }

    /** Reads one variant of {@code layout}; an unknown tag is a {@link ProofFormatException}. */
    static ComputeTaskType readFrom(BorshReader r, ProofLayout layout) {
        int tag = r.u8("task_type tag");
        Kind kind = layout.taskTypeOf(tag, r.position() - 1);
        return switch (kind) {
            case TEXT_GENERATION -> new TextGeneration(readModel(r), r.fixed(HASH_BYTES, "prompt_hash"),
                    r.u32("max_tokens"), r.u32("temperature_fp"), r.u64("seed"));
            case IMAGE_CLASSIFICATION -> new ImageClassification(readModel(r), r.fixed(HASH_BYTES, "input_hash"));
            case EMBEDDING -> new Embedding(readModel(r), r.fixed(HASH_BYTES, "input_hash"));
            case SPEECH_TO_TEXT -> new SpeechToText(readModel(r), r.fixed(HASH_BYTES, "audio_hash"),
                    r.string("language"));
            case IMAGE_GENERATION -> new ImageGeneration(readModel(r), r.fixed(HASH_BYTES, "prompt_hash"),
                    r.fixed(HASH_BYTES, "negative_prompt_hash"), r.u32("width"), r.u32("height"), r.u32("steps"),
                    r.u64("seed"));
            case ONNX_INFERENCE -> new OnnxInference(r.fixed(HASH_BYTES, "model_hash"), r.fixed(HASH_BYTES, "input_hash"));
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

    /** LLM text generation (tag 0 in every layout). {@code maxTokens}, {@code temperatureFp} u32; {@code seed} u64. */
    record TextGeneration(ModelId model, byte[] promptHash, long maxTokens, long temperatureFp, long seed)
            implements ComputeTaskType {
        public TextGeneration {
            Objects.requireNonNull(model, "model");
            promptHash = hash(promptHash, "prompt_hash");
            u32(maxTokens, "max_tokens");
            u32(temperatureFp, "temperature_fp");
        }

        @Override public byte[] promptHash() { return promptHash.clone(); }
        @Override public Kind kind() { return Kind.TEXT_GENERATION; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }

        @Override
        public void writeFields(BorshWriter w) {
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

    /** Image classification (tag 1 in every layout); {@code inputHash} = BLAKE3(raw input). */
    record ImageClassification(ModelId model, byte[] inputHash) implements ComputeTaskType {
        public ImageClassification {
            Objects.requireNonNull(model, "model");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public Kind kind() { return Kind.IMAGE_CLASSIFICATION; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }

        @Override
        public void writeFields(BorshWriter w) {
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

    /** Sentence embedding (tag 2 in every layout); {@code inputHash} = BLAKE3(UTF-8 input text). */
    record Embedding(ModelId model, byte[] inputHash) implements ComputeTaskType {
        public Embedding {
            Objects.requireNonNull(model, "model");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public Kind kind() { return Kind.EMBEDDING; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }

        @Override
        public void writeFields(BorshWriter w) {
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

    /** A generic ONNX model named by the hash of its file (tag 3 in layout A, 5 in B and C). */
    record OnnxInference(byte[] modelHash, byte[] inputHash) implements ComputeTaskType {
        public OnnxInference {
            modelHash = hash(modelHash, "model_hash");
            inputHash = hash(inputHash, "input_hash");
        }

        @Override public byte[] modelHash() { return modelHash.clone(); }
        @Override public byte[] inputHash() { return inputHash.clone(); }
        @Override public Kind kind() { return Kind.ONNX_INFERENCE; }
        @Override public Optional<ModelId> modelId() { return Optional.empty(); }

        @Override
        public void writeFields(BorshWriter w) {
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

    /** Speech to text (Whisper; tag 3 in layouts B and C): {@code audioHash} = BLAKE3(raw f32 LE PCM, 16 kHz mono). */
    record SpeechToText(ModelId model, byte[] audioHash, String language) implements ComputeTaskType {
        public SpeechToText {
            Objects.requireNonNull(model, "model");
            audioHash = hash(audioHash, "audio_hash");
            Objects.requireNonNull(language, "language (empty for auto-detect)");
        }

        @Override public byte[] audioHash() { return audioHash.clone(); }
        @Override public Kind kind() { return Kind.SPEECH_TO_TEXT; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }

        @Override
        public void writeFields(BorshWriter w) {
            writeModel(w, model);
            w.fixed(audioHash, HASH_BYTES, "audio_hash").string(language);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SpeechToText t && model.equals(t.model) && Arrays.equals(audioHash, t.audioHash)
                    && language.equals(t.language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, Arrays.hashCode(audioHash), language);
        }

        @Override
        public String toString() {
            return "SpeechToText[model=" + model + ", audioHash=" + Hex.encode(audioHash) + ", language=" + language + "]";
        }
    }

    /** Image generation (tag 4 in layouts B and C). {@code width}, {@code height}, {@code steps} u32; {@code seed} u64. */
    record ImageGeneration(ModelId model, byte[] promptHash, byte[] negativePromptHash, long width, long height,
                           long steps, long seed) implements ComputeTaskType {
        public ImageGeneration {
            Objects.requireNonNull(model, "model");
            promptHash = hash(promptHash, "prompt_hash");
            negativePromptHash = hash(negativePromptHash, "negative_prompt_hash");
            u32(width, "width");
            u32(height, "height");
            u32(steps, "steps");
        }

        @Override public byte[] promptHash() { return promptHash.clone(); }
        @Override public byte[] negativePromptHash() { return negativePromptHash.clone(); }
        @Override public Kind kind() { return Kind.IMAGE_GENERATION; }
        @Override public Optional<ModelId> modelId() { return Optional.of(model); }

        @Override
        public void writeFields(BorshWriter w) {
            writeModel(w, model);
            w.fixed(promptHash, HASH_BYTES, "prompt_hash").fixed(negativePromptHash, HASH_BYTES, "negative_prompt_hash")
                    .u32(width).u32(height).u32(steps).u64(seed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ImageGeneration t && model.equals(t.model) && Arrays.equals(promptHash, t.promptHash)
                    && Arrays.equals(negativePromptHash, t.negativePromptHash) && width == t.width
                    && height == t.height && steps == t.steps && seed == t.seed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, Arrays.hashCode(promptHash), Arrays.hashCode(negativePromptHash), width, height,
                    steps, seed);
        }

        @Override
        public String toString() {
            return "ImageGeneration[model=" + model + ", promptHash=" + Hex.encode(promptHash) + ", negativePromptHash="
                    + Hex.encode(negativePromptHash) + ", width=" + width + ", height=" + height + ", steps=" + steps
                    + ", seed=" + Long.toUnsignedString(seed) + "]";
        }
    }
}
