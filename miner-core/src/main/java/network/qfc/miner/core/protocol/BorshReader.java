package network.qfc.miner.core.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads Borsh strictly, like borsh-rs {@code from_slice}: every read checks the bytes left, strings must be valid
 * UTF-8, and {@link #finish()} refuses trailing bytes. Every failure is a {@link ProofFormatException} naming the
 * field and the offset.
 */
public final class BorshReader {
    private final byte[] data;
    private int pos;

    public BorshReader(byte[] data) {
        this.data = data.clone();
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return data.length - pos;
    }

    private void need(int n, String what) {
        if (n > remaining()) {
            throw new ProofFormatException("truncated input: " + what + " needs " + n + " bytes at offset " + pos
                    + " but only " + remaining() + " remain");
        }
    }

    public int u8(String what) {
        need(1, what);
        return data[pos++] & 0xff;
    }

    public long u32(String what) {
        need(4, what);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (data[pos + i] & 0xff) << (8 * i);
        }
        pos += 4;
        return v;
    }

    /** The 64 bits as a Java long; callers treat it as unsigned. */
    public long u64(String what) {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (data[pos + i] & 0xff) << (8 * i);
        }
        pos += 8;
        return v;
    }

    public byte[] fixed(int length, String what) {
        need(length, what);
        byte[] out = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return out;
    }

    public String string(String what) {
        long len = u32(what + " length");
        if (len > remaining()) {
            throw new ProofFormatException("truncated input: " + what + " claims " + len + " bytes at offset " + pos
                    + " but only " + remaining() + " remain");
        }
        int start = pos;
        pos += (int) len;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, (int) len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProofFormatException(what + " at offset " + start + " is not valid UTF-8");
        }
    }

    /** Refuses any byte left over. */
    public void finish(String what) {
        if (remaining() != 0) {
            throw new ProofFormatException(what + " has " + remaining() + " trailing byte(s) after offset " + pos);
        }
    }
}
