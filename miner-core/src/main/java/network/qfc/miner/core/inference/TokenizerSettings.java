package network.qfc.miner.core.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The truncation and padding a {@code tokenizer.json} configures, read from the file itself: DJL's
 * {@code HuggingFaceTokenizer} replaces both with its own defaults (longest-first truncation, pad to longest), so
 * the canonical computation reads them here and applies them explicitly.
 *
 * @param truncationMaxLength where the file truncates, or {@link #DEFAULT_MAX_LENGTH} when it sets no truncation
 * @param truncationStrategy the file's strategy in DJL's spelling (LONGEST_FIRST, ONLY_FIRST, ONLY_SECOND)
 * @param truncationFromFile whether the file sets truncation (else the model's 512 positions rule)
 * @param fixedPadding the length of {@code Fixed} padding, empty for none or {@code BatchLongest}
 * @param padToMultipleOf the file's {@code pad_to_multiple_of}, 0 for none
 */
public record TokenizerSettings(int truncationMaxLength, String truncationStrategy, boolean truncationFromFile,
                                Optional<Integer> fixedPadding, int padToMultipleOf) {
    /** BERT's maximum position count: the truncation when the file sets none. */
    public static final int DEFAULT_MAX_LENGTH = 512;

    /** Reads the settings; malformed JSON is an {@link IOException}. */
    public static TokenizerSettings read(Path tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        return of(root);
    }

    public static TokenizerSettings of(JsonNode root) throws IOException {
        JsonNode t = root.path("truncation");
        int maxLength = DEFAULT_MAX_LENGTH;
        String strategy = "LONGEST_FIRST";
        boolean fromFile = t.isObject();
        if (fromFile) {
            maxLength = t.path("max_length").asInt(DEFAULT_MAX_LENGTH);
            strategy = switch (t.path("strategy").asText("LongestFirst")) {
                case "OnlyFirst" -> "ONLY_FIRST";
                case "OnlySecond" -> "ONLY_SECOND";
                default -> "LONGEST_FIRST";
            };
            String direction = t.path("direction").asText("Right");
            if (!direction.equalsIgnoreCase("Right")) {
                throw new IOException("truncation direction '" + direction + "' is not supported (only Right)");
            }
        }
        JsonNode p = root.path("padding");
        Optional<Integer> fixed = Optional.empty();
        int multiple = 0;
        if (p.isObject()) {
            JsonNode s = p.path("strategy");
            if (s.isObject() && s.has("Fixed")) {
                fixed = Optional.of(s.get("Fixed").asInt());
            }
            multiple = p.path("pad_to_multiple_of").asInt(0);
            String direction = p.path("direction").asText("Right");
            if (!direction.toLowerCase(Locale.ROOT).equals("right")) {
                throw new IOException("padding direction '" + direction + "' is not supported (only Right)");
            }
        }
        return new TokenizerSettings(maxLength, strategy, fromFile, fixed, multiple);
    }

    /**
     * The length of the encoding the file's padding produces for {@code realTokens} tokens: at least the fixed
     * length, rounded up to {@code pad_to_multiple_of} (padding never shortens a sequence).
     */
    public int encodingLength(int realTokens) {
        int length = Math.max(realTokens, fixedPadding.orElse(0));
        if (padToMultipleOf > 0 && length % padToMultipleOf != 0) {
            length += padToMultipleOf - length % padToMultipleOf;
        }
        return length;
    }
}
