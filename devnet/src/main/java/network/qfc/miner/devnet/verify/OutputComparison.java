package network.qfc.miner.devnet.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.core.protocol.Blake3;

/**
 * Compares a miner's claimed output with the devnet's own. The node's rule is the exact hash. The devnet's tolerant
 * rule (off unless configured) also passes a miner whose {@code resultData} (its output vector, f32 little-endian)
 * hashes to the claimed output hash AND has cosine similarity >= {@link #COSINE_THRESHOLD} with the devnet's vector.
 */
public final class OutputComparison {
    public static final double COSINE_THRESHOLD = 0.9999;

    /** How a comparison came out: {@code rule} says which rule passed ("exact hash" or "cosine …"), or why not. */
    public record Verdict(boolean passed, String rule, double cosine) {
    }

    private OutputComparison() {
    }

    public static Verdict compare(SpotCheckVerifier.Reference reference, byte[] claimedHash, Optional<byte[]> resultData,
            boolean tolerant) {
        if (Arrays.equals(reference.outputHash(), claimedHash)) {
            return new Verdict(true, "exact hash", 1.0);
        }
        if (!tolerant) {
            return new Verdict(false, "output hash mismatch", Double.NaN);
        }
        if (resultData.isEmpty()) {
            return new Verdict(false, "output hash mismatch and no resultData to compare", Double.NaN);
        }
        byte[] data = resultData.get();
        float[] mine = reference.vector();
        if (data.length != mine.length * 4) {
            return new Verdict(false, "resultData is " + data.length + " bytes, expected " + mine.length * 4, Double.NaN);
        }
        if (!Arrays.equals(Blake3.hash(data), claimedHash)) {
            return new Verdict(false, "resultData does not hash to the proof's output hash", Double.NaN);
        }
        double cos = cosine(mine, data);
        String figure = String.format(Locale.ROOT, "cosine %.6f", cos);
        if (cos >= COSINE_THRESHOLD) {
            return new Verdict(true, figure + " >= " + COSINE_THRESHOLD + " (tolerant)", cos);
        }
        return new Verdict(false, figure + " < " + COSINE_THRESHOLD, cos);
    }

    /** Cosine similarity of {@code a} and the f32 little-endian vector in {@code bytes} (same length). */
    static double cosine(float[] a, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (float x : a) {
            float y = buf.getFloat();
            if (!Float.isFinite(y)) {
                return Double.NaN;
            }
            dot += (double) x * y;
            na += (double) x * x;
            nb += (double) y * y;
        }
        if (na == 0 || nb == 0) {
            return na == nb ? 1.0 : 0.0;
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
}
