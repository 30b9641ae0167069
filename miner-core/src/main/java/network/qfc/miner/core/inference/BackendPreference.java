package network.qfc.miner.core.inference;

import java.util.Locale;

/** Which compute backend the user asked for: {@code auto} picks CUDA, then Metal, then CPU. */
public enum BackendPreference {
    AUTO, CUDA, METAL, CPU;

    /** Parses {@code auto}, {@code cuda}, {@code metal} or {@code cpu}, case-insensitively. */
    public static BackendPreference parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backend '" + s + "' (expected auto, cuda, metal or cpu)", e);
        }
    }
}
