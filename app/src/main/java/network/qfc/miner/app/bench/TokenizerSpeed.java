package network.qfc.miner.app.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.qfc.miner.core.inference.CanonicalTokenizer;

/**
 * The two tokenizers on the same sentences, alternated pass by pass for about a second each: microseconds a sentence
 * for the pure-Java one (the miner's) and for Hugging Face's Rust one through DJL where it has a native library.
 */
final class TokenizerSpeed {
    private TokenizerSpeed() {
    }

    record Result(double javaMicros, double nativeMicros, boolean nativeAvailable) {
        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("javaMicrosPerSentence", Math.round(javaMicros * 10) / 10.0);
            if (nativeAvailable) {
                m.put("nativeMicrosPerSentence", Math.round(nativeMicros * 10) / 10.0);
            } else {
                m.put("native", "no native library on this platform");
            }
            return m;
        }
    }

    static Result measure(Path tokenizerJson, List<String> sentences) {
        try (CanonicalTokenizer java = CanonicalTokenizer.open(tokenizerJson, CanonicalTokenizer.Implementation.JAVA);
             CanonicalTokenizer rust = CanonicalTokenizer.open(tokenizerJson, CanonicalTokenizer.Implementation.NATIVE)) {
            boolean hasNative = rust.implementation() == CanonicalTokenizer.Implementation.NATIVE;
            long javaNanos = 0;
            long nativeNanos = 0;
            long count = 0;
            for (int pass = 0; pass < 2; pass++) { // warm-up
                run(java, sentences);
                run(rust, sentences);
            }
            while (javaNanos + nativeNanos < 2_000_000_000L) {
                javaNanos += run(java, sentences);
                nativeNanos += hasNative ? run(rust, sentences) : 0;
                count += sentences.size();
                if (!hasNative && javaNanos > 1_000_000_000L) {
                    break;
                }
            }
            return new Result(javaNanos / 1e3 / count, nativeNanos / 1e3 / count, hasNative);
        }
    }

    private static long run(CanonicalTokenizer t, List<String> sentences) {
        long start = System.nanoTime();
        for (String s : sentences) {
            t.encode(s);
        }
        return System.nanoTime() - start;
    }
}
