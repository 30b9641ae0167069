package network.qfc.miner.core.inference.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The character classes of Hugging Face's BERT normaliser and pre-tokenizer: whitespace (Rust's White_Space set plus
 * tab, newline, carriage return), control (general categories Cc, Cf, Co but not tab/newline/CR; unassigned code
 * points are kept), punctuation (ASCII punctuation plus categories Pc, Pd, Ps, Pe, Pi, Pf, Po), non-spacing marks
 * (Mn) and the CJK ideograph blocks.
 *
 * <p>The categories come from Java's tables, except for the code points listed in {@code reference-unassigned.txt}:
 * those the reference's (older) Unicode tables do not know, so that it treats them as ordinary letters (they end up
 * as the unknown token) where Java would drop them as format characters or marks or split them as punctuation. The
 * list is what a sweep of every code point against the Rust tokenizer found to differ on Java 17
 * ({@code scripts/tokenizer-differential.sh} regenerates it and checks every code point).
 */
final class UnicodeClasses {
    private static final BitSet UNKNOWN_TO_REFERENCE = load("reference-unassigned.txt");

    private UnicodeClasses() {
    }

    private static BitSet load(String resource) {
        BitSet set = new BitSet(Character.MAX_CODE_POINT + 1);
        try (InputStream in = UnicodeClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the tokenizer's table " + resource + " is missing from the jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] range = l.split("\\.\\.");
                int from = Integer.parseInt(range[0], 16);
                int to = range.length > 1 ? Integer.parseInt(range[1], 16) : from;
                set.set(from, to + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    /** Whether the reference's Unicode tables do not know {@code c} (Java's do): an ordinary letter to it. */
    static boolean unknownToReference(int c) {
        return UNKNOWN_TO_REFERENCE.get(c);
    }

    static boolean isWhitespace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, 0x0C, '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int t = Character.getType(c);
        return !UNKNOWN_TO_REFERENCE.get(c) && (t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE);
    }

    /**
     * Punctuation (Po) in the reference's tables, but not in Java 17's: U+166D CANADIAN SYLLABICS CHI SIGN (So since
     * Unicode 12) and U+111C9 SHARADA SANDHI MARK (Mn since Unicode 11). Found by the code point sweep.
     */
    private static boolean punctuationToReference(int c) {
        return c == 0x166D || c == 0x111C9;
    }

    static boolean isPunctuation(int c) {
        if (punctuationToReference(c)) {
            return true;
        }
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        if (UNKNOWN_TO_REFERENCE.get(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    static boolean isNonSpacingMark(int c) {
        return Character.getType(c) == Character.NON_SPACING_MARK && !UNKNOWN_TO_REFERENCE.get(c)
                && !punctuationToReference(c);
    }

    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
