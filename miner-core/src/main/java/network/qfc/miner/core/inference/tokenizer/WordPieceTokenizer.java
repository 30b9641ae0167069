package network.qfc.miner.core.inference.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pure-Java tokenizer for the BERT {@code tokenizer.json} files of the approved embedding models, identical to
 * Hugging Face's on them (a differential test checks it against the Rust tokenizer): the added (special) tokens
 * split out of the raw text, the {@link BertNormalizer}, the BERT pre-tokenizer (split on whitespace, each
 * punctuation character on its own), WordPiece (greedy longest match, {@code ##} continuations, the unknown token for
 * a word it cannot cover or longer than the file's {@code max_input_chars_per_word}), truncation to the given length
 * minus the template's special tokens (longest-first on one sequence: keep the first tokens), then the post-processor
 * template. No padding: the model runs on real tokens only. Immutable and thread-safe.
 *
 * <p>Only what these files use is implemented; anything else is refused at construction with what it is, so that a
 * file this class cannot reproduce exactly is never tokenized approximately.
 */
public final class WordPieceTokenizer {
    private final Map<String, Integer> vocab;
    private final int unkId;
    private final String prefix;
    private final int maxCharsPerWord;
    private final BertNormalizer normalizer;
    private final List<String> addedTokens;
    /** The first UTF-16 unit of every added token: most positions are rejected with one look-up. */
    private final String firstChars;
    private final Map<String, Integer> addedIds;
    private final long[] before;
    private final long[] after;
    private final long[] beforeTypes;
    private final long[] afterTypes;
    private final long sequenceType;
    private final int maxLength;

    private WordPieceTokenizer(Map<String, Integer> vocab, int unkId, String prefix, int maxCharsPerWord,
                               BertNormalizer normalizer, Map<String, Integer> addedIds, Template template,
                               int maxLength) {
        this.vocab = vocab;
        this.unkId = unkId;
        this.prefix = prefix;
        this.maxCharsPerWord = maxCharsPerWord;
        this.normalizer = normalizer;
        this.addedIds = addedIds;
        this.addedTokens = List.copyOf(addedIds.keySet());
        StringBuilder first = new StringBuilder();
        addedTokens.stream().filter(t -> !t.isEmpty()).forEach(t -> first.append(t.charAt(0)));
        this.firstChars = first.toString();
        this.before = template.before;
        this.after = template.after;
        this.beforeTypes = template.beforeTypes;
        this.afterTypes = template.afterTypes;
        this.sequenceType = template.sequenceType;
        this.maxLength = maxLength;
    }

    /**
     * Builds the tokenizer a parsed {@code tokenizer.json} describes, truncating at {@code maxLength} tokens
     * (special tokens included).
     *
     * @throws IOException naming the part of the file this class does not implement
     */
    public static WordPieceTokenizer of(JsonNode root, int maxLength) throws IOException {
        JsonNode model = root.path("model");
        require(model.path("type").asText(), "WordPiece", "model");
        Map<String, Integer> vocab = new HashMap<>(model.path("vocab").size() * 2);
        model.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        String unk = model.path("unk_token").asText("[UNK]");
        Integer unkId = vocab.get(unk);
        if (unkId == null) {
            throw new IOException("the unknown token '" + unk + "' is not in the vocabulary");
        }
        JsonNode n = root.path("normalizer");
        require(n.path("type").asText(), "BertNormalizer", "normalizer");
        boolean lowercase = n.path("lowercase").asBoolean(true);
        BertNormalizer normalizer = new BertNormalizer(n.path("clean_text").asBoolean(true),
                n.path("handle_chinese_chars").asBoolean(true),
                n.path("strip_accents").isNull() || n.path("strip_accents").isMissingNode() ? lowercase
                        : n.path("strip_accents").asBoolean(), lowercase);
        require(root.path("pre_tokenizer").path("type").asText(), "BertPreTokenizer", "pre_tokenizer");
        Map<String, Integer> added = new HashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            if (t.path("content").asText().isEmpty()) {
                continue;
            }
            if (t.path("normalized").asBoolean(false) || t.path("lstrip").asBoolean(false)
                    || t.path("rstrip").asBoolean(false) || t.path("single_word").asBoolean(false)) {
                throw new IOException("added token '" + t.path("content").asText()
                        + "' is normalized, stripped or single-word, which this tokenizer does not implement");
            }
            added.put(t.path("content").asText(), t.path("id").asInt());
        }
        return new WordPieceTokenizer(vocab, unkId, model.path("continuing_subword_prefix").asText("##"),
                model.path("max_input_chars_per_word").asInt(100), normalizer, added,
                Template.of(root.path("post_processor")), maxLength);
    }

    private static void require(String actual, String expected, String part) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException("its " + part + " is '" + actual + "'; the pure-Java tokenizer implements only "
                    + expected);
        }
    }

    /** The encoding of {@code text}: {@code [ids, typeIds]}, special tokens added, truncated, not padded. */
    public long[][] encode(String text) {
        IntList tokens = new IntList();
        int from = 0;
        while (from <= text.length()) {
            int at = -1;
            String match = null;
            for (int i = from; i < text.length() && match == null; i++) {
                match = addedAt(text, i);
                at = i;
            }
            int end = match == null ? text.length() : at;
            if (end > from) {
                words(normalizer.normalize(text.substring(from, end)), tokens);
            }
            if (match == null) {
                break;
            }
            tokens.add(addedIds.get(match));
            from = at + match.length();
        }
        int room = Math.max(0, maxLength - before.length - after.length);
        int kept = Math.min(tokens.size, room);
        int total = before.length + kept + after.length;
        long[] ids = new long[total];
        long[] types = new long[total];
        System.arraycopy(before, 0, ids, 0, before.length);
        System.arraycopy(beforeTypes, 0, types, 0, before.length);
        for (int i = 0; i < kept; i++) {
            ids[before.length + i] = tokens.values[i];
            types[before.length + i] = sequenceType;
        }
        System.arraycopy(after, 0, ids, before.length + kept, after.length);
        System.arraycopy(afterTypes, 0, types, before.length + kept, after.length);
        return new long[][] {ids, types};
    }

    /** The longest added token starting at {@code i}, or null. */
    private String addedAt(String text, int i) {
        if (firstChars.indexOf(text.charAt(i)) < 0) {
            return null;
        }
        String best = null;
        for (String t : addedTokens) {
            if (text.startsWith(t, i) && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        return best;
    }

    /** Pre-tokenizes normalised text into words and appends each word's WordPiece ids. */
    private void words(String s, IntList out) {
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (UnicodeClasses.isWhitespace(c)) {
                if (start >= 0) {
                    wordPiece(s.substring(start, i), out);
                    start = -1;
                }
            } else if (UnicodeClasses.isPunctuation(c)) {
                if (start >= 0) {
                    wordPiece(s.substring(start, i), out);
                    start = -1;
                }
                wordPiece(s.substring(i, next), out);
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            wordPiece(s.substring(start), out);
        }
    }

    private void wordPiece(String word, IntList out) {
        if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
            out.add(unkId);
            return;
        }
        Integer whole = vocab.get(word);
        if (whole != null) {
            out.add(whole);
            return;
        }
        int mark = out.size;
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (start < end) {
                String piece = word.substring(start, end);
                id = vocab.get(start > 0 ? prefix + piece : piece);
                if (id != null) {
                    break;
                }
                end -= Character.charCount(word.codePointBefore(end));
            }
            if (id == null) {
                out.size = mark;
                out.add(unkId);
                return;
            }
            out.add(id);
            start = end;
        }
    }

    /** The single-sequence template: special tokens before and after the sequence, with their type ids. */
    private record Template(long[] before, long[] beforeTypes, long sequenceType, long[] after, long[] afterTypes) {
        static Template of(JsonNode p) throws IOException {
            require(p.path("type").asText(), "TemplateProcessing", "post_processor");
            List<Long> ids = new ArrayList<>();
            List<Long> types = new ArrayList<>();
            int sequenceAt = -1;
            long sequenceType = 0;
            for (JsonNode piece : p.path("single")) {
                if (piece.has("Sequence")) {
                    if (sequenceAt >= 0) {
                        throw new IOException("its single-sequence template names the sequence twice");
                    }
                    sequenceAt = ids.size();
                    sequenceType = piece.path("Sequence").path("type_id").asLong();
                } else {
                    JsonNode special = piece.path("SpecialToken");
                    JsonNode known = p.path("special_tokens").path(special.path("id").asText());
                    if (!known.path("ids").isArray()) {
                        throw new IOException("its template names the special token '" + special.path("id").asText()
                                + "' that special_tokens does not define");
                    }
                    for (JsonNode id : known.path("ids")) {
                        ids.add(id.asLong());
                        types.add(special.path("type_id").asLong());
                    }
                }
            }
            if (sequenceAt < 0) {
                throw new IOException("its single-sequence template has no sequence");
            }
            return new Template(longs(ids.subList(0, sequenceAt)), longs(types.subList(0, sequenceAt)), sequenceType,
                    longs(ids.subList(sequenceAt, ids.size())), longs(types.subList(sequenceAt, types.size())));
        }

        private static long[] longs(List<Long> l) {
            return l.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static final class IntList {
        int[] values = new int[64];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
