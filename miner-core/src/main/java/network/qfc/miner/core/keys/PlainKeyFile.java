package network.qfc.miner.core.keys;

import java.nio.file.Path;
import java.util.Arrays;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * The reference miner's key file: the validator seed as 64 hex characters in clear ({@code 0x} optional, whitespace
 * and newlines around it tolerated). Read only from a file its owner alone can read or write (POSIX); the seed never
 * appears in a message. Written owner-only, never over an existing file. Prefer {@link EncryptedKeyFile}.
 */
public final class PlainKeyFile {
    private static final int MAX_BYTES = 4096;
    private static final String WHAT = "key file";

    private PlainKeyFile() {
    }

    /** Reads the key in {@code file}, refusing a file open to other users ("chmod 600 ..." in the message). */
    public static ValidatorKey read(Path file) {
        byte[] content = OwnerOnlyFile.readSmall(file, WHAT, MAX_BYTES);
        byte[] seed = null;
        try {
            seed = parseSeed(content);
            if (seed == null) {
                throw new KeyFileException(WHAT + " " + file
                        + " does not hold a validator key: expected 64 hex characters (optionally with 0x) and nothing else");
            }
            return ValidatorKey.fromSeed(seed);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /**
     * The key in typed or piped text (64 hex characters, {@code 0x} optional, whitespace around tolerated). The
     * caller wipes {@code text}; the error never repeats it.
     */
    public static ValidatorKey fromText(char[] text) {
        byte[] seed = parseSeed(text);
        if (seed == null) {
            throw new KeyFileException("not a validator key: expected 64 hex characters (optionally with 0x)");
        }
        try {
            return ValidatorKey.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Writes the key's seed as 64 hex characters and a newline to a new owner-only file. */
    public static void write(Path file, ValidatorKey key) {
        byte[] seed = key.exportSeed();
        byte[] text = new byte[seed.length * 2 + 1];
        try {
            encodeHex(seed, text);
            text[text.length - 1] = '\n';
            OwnerOnlyFile.write(file, text, false);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(text, (byte) 0);
        }
    }

    /** Lower-case hex of {@code bytes} into {@code out} (ASCII), without making a String of the secret. */
    static void encodeHex(byte[] bytes, byte[] out) {
        final byte[] digits = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
    }

    /** The 32-byte seed in ASCII text, or null if the text is not exactly one 64-hex-digit key. */
    static byte[] parseSeed(byte[] text) {
        int start = 0;
        int end = text.length;
        while (start < end && isSpace(text[start])) {
            start++;
        }
        while (end > start && isSpace(text[end - 1])) {
            end--;
        }
        if (end - start >= 2 && text[start] == '0' && (text[start + 1] == 'x' || text[start + 1] == 'X')) {
            start += 2;
        }
        if (end - start != ValidatorKey.SEED_BYTES * 2) {
            return null;
        }
        byte[] seed = new byte[ValidatorKey.SEED_BYTES];
        for (int i = 0; i < seed.length; i++) {
            int hi = Character.digit(text[start + 2 * i], 16);
            int lo = Character.digit(text[start + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                Arrays.fill(seed, (byte) 0);
                return null;
            }
            seed[i] = (byte) ((hi << 4) | lo);
        }
        return seed;
    }

    /** The same for characters (a secret typed at a prompt). */
    static byte[] parseSeed(char[] text) {
        byte[] ascii = new byte[text.length];
        try {
            for (int i = 0; i < text.length; i++) {
                ascii[i] = text[i] < 128 ? (byte) text[i] : (byte) '?';
            }
            return parseSeed(ascii);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0b;
    }
}
