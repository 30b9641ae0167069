package network.qfc.miner.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes Borsh: little-endian integers, fixed byte arrays as raw bytes, strings as u32 byte length + UTF-8. */
public final class BorshWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public BorshWriter u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        out.write(value);
        return this;
    }

    /** Writes the low 32 bits of {@code value}, which must lie in 0..2^32-1. */
    public BorshWriter u32(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** Writes the 64 bits of {@code value} read as unsigned. */
    public BorshWriter u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** A fixed-size array ({@code [u8; N]}): the bytes as they are, no length. */
    public BorshWriter fixed(byte[] bytes, int expectedLength, String what) {
        if (bytes == null || bytes.length != expectedLength) {
            throw new IllegalArgumentException(what + " must be " + expectedLength + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public BorshWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        out.write(utf8, 0, utf8.length);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
