package network.qfc.miner.core.inference.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated texts that probe every rule of the BERT tokenizer: words and punctuation, accents precomposed and
 * combining, CJK and other scripts, emoji (with skin tones and ZWJ), control, format and zero-width characters,
 * every kind of whitespace, special-token spellings inside text, over-long words and inputs, empty input and random
 * code points from every plane. Seeded: the same seed gives the same texts.
 */
final class TokenizerInputs {
    private static final String[] WORDS = {"the", "Miner", "proof", "embedding", "QFC", "unbelievable", "tokenization",
        "Hello", "WORLD", "naïve", "café", "Straße", "ÉCOLE", "İstanbul", "ΣΟΦΙΑ", "σοφός", "Ǆemal", "ﬁnance", "Ⅻ",
        "москва", "東京", "北京大学", "한국어", "ひらがな", "カタカナ", "العربية", "हिन्दी", "ไทย", "ελληνικά", "123", "3.14",
        "e-mail", "don't", "U.S.A.", "x²", "½", "co-op", "#hashtag", "@user", "http://example.com/a?b=c", "ǅ", "ß",
        "[CLS]", "[SEP]", "[MASK]", "[UNK]", "[PAD]", "[cls]", "[MASK", "MASK]"};
    private static final int[] SPECIALS = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F,
        0xA0, 0xAD, 0x034F, 0x061C, 0x1680, 0x180E, 0x2000, 0x2005, 0x200A, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F, 0x2060, 0x2066, 0x3000, 0xFEFF, 0xFFF9, 0xFFFD, 0xFFFE, 0xE000,
        0xF8FF, 0x1D173, 0xE0001, 0xE0020, 0xF0000, 0x10FFFD, '\t', '\n', '\r', ' '};
    private static final int[] MARKS = {0x0300, 0x0301, 0x0302, 0x0303, 0x0308, 0x030A, 0x0327, 0x0338, 0x0345,
        0x0483, 0x0591, 0x064B, 0x0670, 0x093C, 0x094D, 0x0E31, 0x0F71, 0x135D, 0x1AB0, 0x1DC0, 0x20D0, 0x20E3, 0x302A,
        0x3099, 0xFE0F, 0xFE20, 0x1D167, 0xE0100};
    private static final String[] EMOJI = {"😀", "🥰", "🫠", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "🇩🇪", "1️⃣", "©", "™",
        "⌚", "🀄", "🂡", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝟘𝟙", "𠀀", "𪜀", "𫝀", "𬺰", "丽"};
    private static final String PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»‹›“”‘’„‚–—…·•§¶†‡‰′″‼⁇、。「」『』【】〈〉・！？，．：；（）﹏＿";

    private TokenizerInputs() {
    }

    static List<String> generate(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        out.add(" ");
        out.add("\u200B");
        out.add("a".repeat(100));
        out.add("a".repeat(101));
        out.add("é".repeat(101));
        out.add("word ".repeat(600));
        while (out.size() < count) {
            out.add(text(r));
        }
        return out;
    }

    private static String text(SplittableRandom r) {
        int pieces = r.nextInt(20) == 0 ? 100 + r.nextInt(400) : r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(11)) {
                case 0, 1, 2 -> b.append(WORDS[r.nextInt(WORDS.length)]);
                case 3 -> b.appendCodePoint(SPECIALS[r.nextInt(SPECIALS.length)]);
                case 4 -> b.appendCodePoint(MARKS[r.nextInt(MARKS.length)]);
                case 5 -> b.append(EMOJI[r.nextInt(EMOJI.length)]);
                case 6 -> b.append(PUNCT.charAt(r.nextInt(PUNCT.length())));
                case 7 -> b.appendCodePoint(randomCodePoint(r));
                case 8 -> b.append("x".repeat(r.nextInt(150)));
                default -> b.append(' ');
            }
            if (r.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** Any code point but a lone surrogate (a Java String could hold one, UTF-8 task input cannot). */
    static int randomCodePoint(SplittableRandom r) {
        while (true) {
            int c = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x80, 0x800);
                case 1 -> r.nextInt(0x800, 0x10000);
                case 2 -> r.nextInt(0x10000, 0x30000);
                default -> r.nextInt(0x10000, 0x110000);
            };
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                return c;
            }
        }
    }
}
