package network.qfc.miner.core.protocol;

import java.util.List;
import java.util.Locale;

/**
 * The three byte layouts of a proof that QFC nodes decode (strict Borsh, so a node refuses every layout but its own
 * with JSON-RPC -32000 "Failed to deserialize proof: ..."):
 *
 * <ul>
 *   <li>{@link #A}: v2.0 nodes (March 2026): backend 0 CUDA, 1 Metal, 2 CPU; task types 0 TextGeneration,
 *       1 ImageClassification, 2 Embedding, 3 OnnxInference.</li>
 *   <li>{@link #B}: ROCm-era nodes: backend 0 CUDA, 1 Metal, 2 ROCm, 3 CPU, 4 OpenCL; task types 0..2 as A, then
 *       3 SpeechToText, 4 ImageGeneration, 5 OnnxInference.</li>
 *   <li>{@link #C}: the newest nodes: as B, plus a {@link CanonicalFormat} u8 after the backend, before the
 *       timestamp.</li>
 * </ul>
 *
 * <p>Negotiate in {@link #negotiationOrder()} (C, B, A): an A proof with CPU (tag 2) DEcodes on a B node as ROCm, so
 * trying A before B would be silently misread; C and B proofs are refused by older decoders.
 */
public enum ProofLayout {
    A("v2.0 nodes (March 2026)",
            List.of(ComputeBackend.CUDA, ComputeBackend.METAL, ComputeBackend.CPU),
            List.of(ComputeTaskType.Kind.TEXT_GENERATION, ComputeTaskType.Kind.IMAGE_CLASSIFICATION,
                    ComputeTaskType.Kind.EMBEDDING, ComputeTaskType.Kind.ONNX_INFERENCE),
            false),
    B("ROCm-era nodes",
            List.of(ComputeBackend.CUDA, ComputeBackend.METAL, ComputeBackend.ROCM, ComputeBackend.CPU,
                    ComputeBackend.OPENCL),
            List.of(ComputeTaskType.Kind.TEXT_GENERATION, ComputeTaskType.Kind.IMAGE_CLASSIFICATION,
                    ComputeTaskType.Kind.EMBEDDING, ComputeTaskType.Kind.SPEECH_TO_TEXT,
                    ComputeTaskType.Kind.IMAGE_GENERATION, ComputeTaskType.Kind.ONNX_INFERENCE),
            false),
    C("the newest nodes", B.backends, B.taskTypes, true);

    private final String nodes;
    private final List<ComputeBackend> backends;
    private final List<ComputeTaskType.Kind> taskTypes;
    private final boolean canonicalFormat;

    ProofLayout(String nodes, List<ComputeBackend> backends, List<ComputeTaskType.Kind> taskTypes,
                boolean canonicalFormat) {
        this.nodes = nodes;
        this.backends = backends;
        this.taskTypes = taskTypes;
        this.canonicalFormat = canonicalFormat;
    }

    /** The order to try on a node whose layout is not known yet: C, then B, then A. */
    public static List<ProofLayout> negotiationOrder() {
        return List.of(C, B, A);
    }

    /** What a user reads: {@code proof layout C}. */
    public String displayName() {
        return "proof layout " + name();
    }

    /** Which nodes decode this layout, e.g. {@code v2.0 nodes (March 2026)}. */
    public String nodes() {
        return nodes;
    }

    /** True when a {@link CanonicalFormat} byte follows the backend (layout C). */
    public boolean hasCanonicalFormat() {
        return canonicalFormat;
    }

    /** The backends this layout can carry, in tag order. */
    public List<ComputeBackend> backends() {
        return backends;
    }

    /** The task-type variants this layout can carry, in tag order. */
    public List<ComputeTaskType.Kind> taskTypes() {
        return taskTypes;
    }

    /** The backend's u8 in this layout; a backend this layout lacks is a {@link LayoutUnsupportedException}. */
    public int backendTag(ComputeBackend backend) {
        int tag = backends.indexOf(backend);
        if (tag < 0) {
            throw new LayoutUnsupportedException(displayName() + " (" + nodes + ") cannot carry backend "
                    + backend.wireName() + ": it knows only " + backendList() + "; send it as proof layout B or C");
        }
        return tag;
    }

    /** The backend a u8 names in this layout; an unknown tag is a {@link ProofFormatException}. */
    public ComputeBackend backendOf(int tag, int offset) {
        if (tag >= backends.size()) {
            throw new ProofFormatException("unknown backend variant tag " + tag + (offset >= 0 ? " at offset " + offset : "")
                    + " (expected "
                    + backendList() + " in " + displayName() + ")");
        }
        return backends.get(tag);
    }

    /** The task type's variant tag in this layout; a variant this layout lacks is a {@link LayoutUnsupportedException}. */
    public int taskTypeTag(ComputeTaskType.Kind kind) {
        int tag = taskTypes.indexOf(kind);
        if (tag < 0) {
            throw new LayoutUnsupportedException(displayName() + " (" + nodes + ") has no " + kind.wireName()
                    + " task type: only " + taskTypeList() + "; send it as proof layout B or C");
        }
        return tag;
    }

    /** The task-type variant a tag names in this layout; an unknown tag is a {@link ProofFormatException}. */
    public ComputeTaskType.Kind taskTypeOf(int tag, int offset) {
        if (tag >= taskTypes.size()) {
            throw new ProofFormatException("unknown task_type variant tag " + tag + " at offset " + offset
                    + " (expected 0.." + (taskTypes.size() - 1) + " in " + displayName() + ": " + taskTypeList() + ")");
        }
        return taskTypes.get(tag);
    }

    /** Parses {@code A}, {@code b}, {@code layout C} or {@code proof layout C}. */
    public static ProofLayout parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        t = t.startsWith("PROOF LAYOUT ") ? t.substring(13) : t.startsWith("LAYOUT ") ? t.substring(7) : t;
        for (ProofLayout l : values()) {
            if (l.name().equals(t.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown proof layout '" + text + "' (expected A, B or C)");
    }

    private String backendList() {
        return numbered(backends.stream().map(ComputeBackend::wireName).toList());
    }

    private String taskTypeList() {
        return numbered(taskTypes.stream().map(ComputeTaskType.Kind::wireName).toList());
    }

    /** {@code 0 a, 1 b, 2 c}: each name after its tag. */
    private static String numbered(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(' ').append(names.get(i));
        }
        return b.toString();
    }
}
