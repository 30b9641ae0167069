package network.qfc.miner.probe;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Vector instruction sets that matter to ONNX Runtime's CPU kernels. */
public enum SimdFeature {
    AVX2("AVX2", "avx2", "pf_avx2_instructions_available"),
    AVX512F("AVX-512", "avx512f", "pf_avx512f_instructions_available"),
    NEON("NEON", "neon", "asimd");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,:;]+");

    private final String displayName;
    private final List<String> flagNames;

    SimdFeature(String displayName, String... flagNames) {
        this.displayName = displayName;
        this.flagNames = List.of(flagNames);
    }

    /** How people write it: {@code AVX2}, {@code AVX-512}, {@code NEON}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Reads the features out of OSHI's platform-specific flag strings (Linux {@code /proc/cpuinfo} flag lines, macOS
     * sysctl features, Windows {@code PF_*} names). NEON is mandatory on 64-bit ARM, so that architecture implies it.
     */
    public static Set<SimdFeature> fromFlags(List<String> flags, String architecture) {
        Set<String> tokens = new java.util.HashSet<>();
        for (String line : flags) {
            for (String t : SEPARATORS.split(line.toLowerCase(Locale.ROOT))) {
                if (!t.isEmpty()) {
                    tokens.add(t.replace('.', '_'));
                }
            }
        }
        EnumSet<SimdFeature> found = EnumSet.noneOf(SimdFeature.class);
        for (SimdFeature f : values()) {
            if (f.flagNames.stream().anyMatch(tokens::contains)) {
                found.add(f);
            }
        }
        String arch = architecture.toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            found.add(NEON);
        }
        return found;
    }
}
