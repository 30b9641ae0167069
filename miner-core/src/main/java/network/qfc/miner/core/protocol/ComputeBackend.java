package network.qfc.miner.core.protocol;

/**
 * Where inference ran, as the protocol names it: the JSON string ({@link #wireName()}, spelled as qfc-core prints
 * its {@code BackendType}) and the Borsh u8 of a proof, which depends on the {@link ProofLayout}: A has 0 CUDA,
 * 1 Metal, 2 CPU; B and C have 0 CUDA, 1 Metal, 2 ROCm, 3 CPU, 4 OpenCL.
 */
public enum ComputeBackend {
    CUDA("CUDA"),
    METAL("Metal"),
    ROCM("ROCm"),
    CPU("CPU"),
    OPENCL("OpenCL");

    private final String wireName;

    ComputeBackend(String wireName) {
        this.wireName = wireName;
    }

    /** The u8 in a layout-A proof (0 CUDA, 1 Metal, 2 CPU); ROCm and OpenCL have none there. */
    public int borshTag() {
        return borshTag(ProofLayout.A);
    }

    /** The u8 in a proof of {@code layout}; a {@link LayoutUnsupportedException} when the layout lacks it. */
    public int borshTag(ProofLayout layout) {
        return layout.backendTag(this);
    }

    /** The JSON string: {@code "CUDA"}, {@code "Metal"}, {@code "ROCm"}, {@code "CPU"}, {@code "OpenCL"}. */
    public String wireName() {
        return wireName;
    }

    /** The backend of a layout-A tag. */
    public static ComputeBackend fromBorshTag(int tag) {
        return fromBorshTag(tag, ProofLayout.A);
    }

    /** The backend of a tag in {@code layout}; an unknown tag is a {@link ProofFormatException}. */
    public static ComputeBackend fromBorshTag(int tag, ProofLayout layout) {
        return layout.backendOf(tag, -1);
    }

    /** Parses the wire name or a user's spelling ({@code cuda}, {@code rocm}, {@code opencl}...), case-insensitively. */
    public static ComputeBackend parse(String name) {
        for (ComputeBackend b : values()) {
            if (b.wireName.equalsIgnoreCase(name.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "' (expected CUDA, Metal, ROCm, CPU or OpenCL)");
    }
}
