package network.qfc.miner.core.inference;

import java.util.Locale;

/**
 * Whether DJL's Hugging Face tokenizer jar carries a native library for this platform: in DJL 0.34 it has
 * {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64} and {@code win-x86_64}, nothing for Intel Macs.
 * Read from the jar itself, so a DJL upgrade that adds one is seen.
 */
final class NativeTokenizerPlatforms {
    private NativeTokenizerPlatforms() {
    }

    static boolean hasLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String dir = (os.startsWith("mac") ? "osx" : os.startsWith("win") ? "win" : "linux") + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch);
        String lib = os.startsWith("mac") ? "libtokenizers.dylib" : os.startsWith("win") ? "tokenizers.dll" : "libtokenizers.so";
        return NativeTokenizerPlatforms.class.getResource("/native/lib/" + dir + "/cpu/" + lib) != null;
    }
}
