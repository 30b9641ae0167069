package network.qfc.miner.core.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Steps 3 and 4 of the canonical computation, in plain f32 arithmetic whose order is fixed (the node compares the
 * bytes, and a reciprocal, f64 or vectorised sum would change them).
 */
public final class CanonicalPooling {
    private CanonicalPooling() {
    }

    /**
     * Sums the real tokens' hidden states ({@code hidden} laid out [tokens, dim], row after row) in f32 in token
     * order, then divides each component by {@code encodingLength}.
     */
    public static float[] meanOverEncoding(FloatBuffer hidden, int tokens, int dim, int encodingLength) {
        if (hidden.remaining() < tokens * dim) {
            throw new IllegalArgumentException("hidden states hold " + hidden.remaining() + " floats, need " + tokens * dim);
        }
        int base = hidden.position();
        float[] sum = new float[dim];
        for (int t = 0; t < tokens; t++) {
            int row = base + t * dim;
            for (int i = 0; i < dim; i++) {
                sum[i] += hidden.get(row + i);
            }
        }
        float divisor = (float) encodingLength;
        for (int i = 0; i < dim; i++) {
            sum[i] = sum[i] / divisor;
        }
        return sum;
    }

    /** s = sum of squares in f32 in order, n = sqrt(s) in f32, out_i = v_i / n. In place; returns {@code v}. */
    public static float[] normalize(float[] v) {
        float s = 0f;
        for (float x : v) {
            s += x * x;
        }
        float n = (float) Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] / n;
        }
        return v;
    }

    /** The vector as little-endian IEEE-754 f32 bytes. */
    public static byte[] littleEndianBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }
}
