package network.qfc.miner.core.keys;

/**
 * The scrypt cost of an encrypted key file: {@code n} (CPU/memory cost, a power of two), {@code r} (block size) and
 * {@code p} (parallelism). {@link #STANDARD} (N = 2^17, r = 8, p = 1: about 128 MiB and half a second) is what
 * every key file is written with; smaller values exist only so tests that are not about the KDF run fast.
 *
 * <p>Values read from a file are bounded so that a tampered header cannot make the miner allocate gigabytes.
 */
public record KdfParams(int n, int r, int p) {
    /** scrypt N = 2^17, r = 8, p = 1. */
    public static final KdfParams STANDARD = new KdfParams(1 << 17, 8, 1);

    /** The largest N accepted from a file (2^20: 1 GiB with r = 8). */
    public static final int MAX_N = 1 << 20;

    public KdfParams {
        if (n < 2 || Integer.bitCount(n) != 1 || n > MAX_N) {
            throw new IllegalArgumentException("scrypt n must be a power of two between 2 and " + MAX_N + ", got " + n);
        }
        if (r < 1 || r > 32) {
            throw new IllegalArgumentException("scrypt r must be between 1 and 32, got " + r);
        }
        if (p < 1 || p > 16) {
            throw new IllegalArgumentException("scrypt p must be between 1 and 16, got " + p);
        }
        if (scratchBytes(n, r) > (1L << 30)) {
            throw new IllegalArgumentException("scrypt n * r needs more than 1 GiB of memory");
        }
    }

    /** The scratch memory scrypt allocates for these parameters: 128 x r x N bytes (128 MiB for {@link #STANDARD}). */
    public long scratchBytes() {
        return scratchBytes(n, r);
    }

    private static long scratchBytes(int n, int r) {
        return 128L * r * n;
    }
}
