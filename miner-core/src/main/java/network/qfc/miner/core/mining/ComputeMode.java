package network.qfc.miner.core.mining;

import java.util.Locale;

/**
 * What the miner computes ({@code QFC_COMPUTE_MODE}, {@code --compute-mode}).
 * <ul>
 *   <li>{@link #INFERENCE}: run approved models on the node's tasks;</li>
 *   <li>{@link #AUTO}: inference when a supported model for this tier can be loaded, else no compute (with the reason);</li>
 *   <li>{@link #NONE}: connect and watch the standing only.</li>
 * </ul>
 * {@code pow} is not a mode of this app: it is the node's own Blake3 block mining, done by {@code qfc-node}.
 */
public enum ComputeMode {
    INFERENCE, AUTO, NONE;

    /** The lower-case name used in settings, flags and the JSON output. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's setting; {@code pow} and anything unknown are refused with what to do instead. */
    public static ComputeMode parse(String text) {
        if (text == null || text.isBlank()) {
            return INFERENCE;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "inference":
                return INFERENCE;
            case "auto":
                return AUTO;
            case "none":
                return NONE;
            case "pow":
                throw new IllegalArgumentException("compute mode 'pow' is the node's own Blake3 block mining, done by "
                        + "qfc-node itself, not by this app; use inference, auto or none");
            default:
                throw new IllegalArgumentException("unknown compute mode '" + text.trim()
                        + "' (expected inference, auto or none)");
        }
    }
}
