package network.qfc.miner.models;

import java.util.Locale;

/** The lowest hardware tier that may run a model (protocol "Tiers"): Cold &lt; Warm &lt; Hot. */
public enum MinTier {
    COLD, WARM, HOT;

    /** Parses {@code Cold}, {@code cold}, {@code COLD} (and the node's {@code "Hot"} spelling). */
    public static MinTier parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing tier: expected Cold, Warm or Hot");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tier '" + text + "': expected Cold, Warm or Hot", e);
        }
    }

    /** True when a machine of tier {@code machine} may run a model that needs this tier. */
    public boolean allows(MinTier machine) {
        return machine.ordinal() >= ordinal();
    }

    /** How the protocol writes it: {@code Cold}, {@code Warm}, {@code Hot}. */
    public String display() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
