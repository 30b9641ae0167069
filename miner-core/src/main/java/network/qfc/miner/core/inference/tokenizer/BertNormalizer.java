package network.qfc.miner.core.inference.tokenizer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The BERT normaliser of a {@code tokenizer.json}, in the order Hugging Face applies it: clean the text (drop NUL,
 * U+FFFD and control/format/private-use characters, turn every whitespace into a space), put spaces around CJK
 * ideographs, strip accents (NFD, then drop non-spacing marks), lowercase code point by code point (full mappings:
 * U+0130 becomes "i" + U+0307, and no context rule for the final sigma).
 *
 * <p>The character classes are {@link UnicodeClasses}', which pin the Unicode tables the reference uses.
 */
final class BertNormalizer {
    private final boolean cleanText;
    private final boolean chineseChars;
    private final boolean stripAccents;
    private final boolean lowercase;

    BertNormalizer(boolean cleanText, boolean chineseChars, boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.chineseChars = chineseChars;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
    }

    String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean ascii = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (cleanText) {
                if (c == 0 || c == 0xFFFD || UnicodeClasses.isControl(c)) {
                    continue;
                }
                if (UnicodeClasses.isWhitespace(c)) {
                    c = ' ';
                }
            }
            if (chineseChars && UnicodeClasses.isChinese(c)) {
                b.append(' ').appendCodePoint(c).append(' ');
            } else {
                b.appendCodePoint(c);
            }
            ascii &= c < 0x80;
        }
        String s = b.toString();
        if (stripAccents && !ascii) {
            s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
        }
        if (lowercase) {
            s = ascii ? s.toLowerCase(Locale.ROOT) : lowercaseEach(s);
        }
        return s;
    }

    private static String stripMarks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!UnicodeClasses.isNonSpacingMark(c)) {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /** Each code point on its own: String.toLowerCase would apply the final-sigma context rule, the reference does not. */
    private static String lowercaseEach(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                b.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
            } else if (c == 0x130) {
                b.append("i\u0307");
            } else {
                b.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }
}
