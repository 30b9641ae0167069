package network.qfc.miner.app;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * The cap on glibc's malloc arenas, set from inside the process. glibc gives each thread that contends for malloc an
 * arena of its own (up to 8 per core, 64 MiB of address space each, pages kept after free); ONNX Runtime, the
 * tokenizer and JavaFX allocate from many threads, so the miner's resident memory carried tens of MB of half-empty
 * arenas. {@code mallopt(M_ARENA_MAX, n)} is what the {@code MALLOC_ARENA_MAX} environment variable sets, but the
 * packaged launchers (jpackage) cannot set environment variables, so the app calls it first thing. Linux with
 * glibc only; elsewhere (macOS, Windows, musl) it does nothing.
 */
public final class MallocArenaCap {
    /**
     * Arenas the miner keeps. Mining with the window open, {@code MALLOC_ARENA_MAX=2} measured ~25 MB less peak RSS
     * at the same proofs/s; this call, made after the JVM's own threads got their arenas, ~10 MB.
     */
    public static final int ARENAS = 2;
    /** glibc's {@code M_ARENA_MAX} parameter of {@code mallopt}. */
    private static final int M_ARENA_MAX = -8;

    private MallocArenaCap() {
    }

    /**
     * Caps the arenas at {@code arenas} unless the user set {@code MALLOC_ARENA_MAX} themselves; returns whether
     * glibc accepted the cap (false off Linux, without glibc, or when the environment already decides).
     */
    public static boolean apply(int arenas) {
        if (arenas < 1) {
            throw new IllegalArgumentException("arenas must be at least 1, was " + arenas);
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || System.getenv("MALLOC_ARENA_MAX") != null) {
            return false;
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            return mallopt.invokeInt(new Object[] {M_ARENA_MAX, arenas}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc (musl has no mallopt) or JNA unavailable: malloc keeps its defaults, nothing else changes
            return false;
        }
    }
}
