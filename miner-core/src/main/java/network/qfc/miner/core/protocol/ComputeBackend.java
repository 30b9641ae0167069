package network.qfc.miner.core.protocol;

import java.util.Locale;

/** Where inference ran, as the protocol names it: the JSON string and the Borsh u8 of a proof. */
public enum ComputeBackend {
    CUDA(0, "CUDA"),
    METAL(1, "Metal"),
    CPU(2, "CPU");

    private final int borshTag;
    private final String wireName;

    ComputeBackend(int borshTag, String wireName) {
        this.borshTag = borshTag;
        this.wireName = wireName;
    }

    /** The u8 in a Borsh proof: 0 CUDA, 1 Metal, 2 CPU. */
    public int borshTag() {
        return borshTag;
    }

    /** The JSON string: {@code "CUDA"}, {@code "Metal"}, {@code "CPU"}. */
    public String wireName() {
        return wireName;
    }

    public static ComputeBackend fromBorshTag(int tag) {
        for (ComputeBackend b : values()) {
            if (b.borshTag == tag) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend tag " + tag + " (expected 0 CUDA, 1 Metal, 2 CPU)");
    }

    /** Parses the wire name or a user's spelling ({@code cuda}, {@code metal}, {@code cpu}), case-insensitively. */
    public static ComputeBackend parse(String name) {
        for (ComputeBackend b : values()) {
            if (b.wireName.equalsIgnoreCase(name.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "' (expected CUDA, Metal or CPU)");
    }
}
