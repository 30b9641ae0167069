package network.qfc.miner.core.protocol;

import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3-256, the only hash of the QFC protocol (addresses, signing digests, output hashes). */
public final class Blake3 {
    public static final int DIGEST_BYTES = 32;

    private Blake3() {
    }

    /** BLAKE3-256 of {@code data}. */
    public static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** BLAKE3-256 of {@code len} bytes of {@code data} from {@code off}. */
    public static byte[] hash(byte[] data, int off, int len) {
        Blake3Digest digest = new Blake3Digest(DIGEST_BYTES * 8);
        digest.update(data, off, len);
        byte[] out = new byte[DIGEST_BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}
