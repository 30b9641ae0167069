package network.qfc.miner.core.protocol;

import java.util.Locale;

/** Hex text as the QFC node writes it: lower case, an optional {@code 0x} prefix accepted on input. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex of {@code bytes}, no prefix. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex with or without {@code 0x}; any length. */
    public static byte[] decode(String what, String hex) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing (expected hex)");
        }
        String h = strip0x(hex);
        if ((h.length() & 1) != 0) {
            throw new IllegalArgumentException(what + " is not valid hex: odd number of digits (" + h.length() + ")");
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(h.charAt(2 * i));
            int lo = digit(h.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException(what + " is not valid hex: bad character at position " + (2 * i + (hi < 0 ? 0 : 1)));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex digits only: {@link Character#digit} alone would accept other scripts' digits. */
    private static int digit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Decodes hex that must be exactly {@code bytes} long. */
    public static byte[] decodeFixed(String what, String hex, int bytes) {
        byte[] out = decode(what, hex);
        if (out.length != bytes) {
            throw new IllegalArgumentException(what + " must be " + bytes + " bytes (" + (bytes * 2) + " hex digits), got " + out.length + " bytes");
        }
        return out;
    }

    /** The text without a leading {@code 0x}/{@code 0X}. */
    public static String strip0x(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    /** Lower-case, without {@code 0x}: the form to compare hex text in. */
    public static String normalize(String hex) {
        return strip0x(hex.trim()).toLowerCase(Locale.ROOT);
    }
}
