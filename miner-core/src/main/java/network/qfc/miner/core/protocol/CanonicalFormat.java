package network.qfc.miner.core.protocol;

import java.util.Locale;

/**
 * The weight format a proof says its model ran in (qfc-inference's {@code CanonicalFormat}, a Borsh u8 in
 * {@link ProofLayout#C} only). A node of that generation refuses a proof whose format is not the one its registry
 * names for the model ("Non-canonical format: model M requires F, proof used G").
 */
public enum CanonicalFormat {
    /** FP32 safetensors: every embedding and classify model, and the small LLM. */
    SAFETENSORS_FP32("safetensors-fp32"),
    /** GGUF Q4_K_M: the larger LLMs (qfc-llm-3b, qfc-llm-7b). */
    GGUF_Q4_K_M("gguf-q4_k_m"),
    /** GGUF Q5_K_M. */
    GGUF_Q5_K_M("gguf-q5_k_m");

    private final String displayName;

    CanonicalFormat(String displayName) {
        this.displayName = displayName;
    }

    /** The u8 on the wire: 0, 1, 2 in declaration order. */
    public int borshTag() {
        return ordinal();
    }

    /** As the node prints it: {@code safetensors-fp32}, {@code gguf-q4_k_m}, {@code gguf-q5_k_m}. */
    public String displayName() {
        return displayName;
    }

    public static CanonicalFormat fromBorshTag(int tag, int offset) {
        if (tag >= values().length) {
            throw new ProofFormatException("unknown canonical_format variant tag " + tag + " at offset " + offset
                    + " (expected 0 SafetensorsFp32, 1 GgufQ4KM, 2 GgufQ5KM)");
        }
        return values()[tag];
    }

    /**
     * The format the newest nodes' model registry requires for {@code model}: GGUF Q4_K_M for qfc-llm-3b and
     * qfc-llm-7b, FP32 safetensors for every other model (every embedding and classify model, qfc-llm-0.5b, whisper).
     */
    public static CanonicalFormat requiredFor(ModelId model) {
        String name = model.name().toLowerCase(Locale.ROOT);
        return name.equals("qfc-llm-3b") || name.equals("qfc-llm-7b") ? GGUF_Q4_K_M : SAFETENSORS_FP32;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
