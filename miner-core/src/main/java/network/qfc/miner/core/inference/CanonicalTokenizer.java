package network.qfc.miner.core.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's {@code tokenizer.json} applied as the file configures it (step 1 of the canonical computation):
 * special tokens added, the file's truncation (512 when it sets none), and the file's padding counted into the
 * encoding length but never materialised, since the model runs on real tokens only. Loaded by path, never by hub
 * name. Thread-safe (the Rust tokenizer is immutable once configured).
 */
public final class CanonicalTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerSettings settings;

    private CanonicalTokenizer(HuggingFaceTokenizer tokenizer, TokenizerSettings settings) {
        this.tokenizer = tokenizer;
        this.settings = settings;
    }

    /** Opens {@code tokenizer.json}; an unreadable or malformed file is a {@link ModelLoadException} naming it. */
    public static CanonicalTokenizer open(Path tokenizerJson) {
        TokenizerSettings settings;
        try {
            settings = TokenizerSettings.read(tokenizerJson);
        } catch (IOException e) {
            throw new ModelLoadException(tokenizerJson, "not a readable tokenizer file: " + e.getMessage(), e);
        }
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", settings.truncationStrategy(),
                "maxLength", Integer.toString(settings.truncationMaxLength()),
                "modelMaxLength", Integer.toString(Math.max(settings.truncationMaxLength(), TokenizerSettings.DEFAULT_MAX_LENGTH)),
                "padding", "DO_NOT_PAD",
                "stride", "0");
        try {
            return new CanonicalTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), settings);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(tokenizerJson, "the tokenizer cannot be built from it: " + e.getMessage(), e);
        }
    }

    public TokenizerSettings settings() {
        return settings;
    }

    /** Tokenizes {@code text}: real tokens plus the encoding length. */
    public TokenizedInput encode(String text) {
        // straight to the native encoding for the two arrays the model needs: DJL's Encoding would also fetch
        // tokens, offsets, word ids and masks through JNI (twice the time, all garbage). The text goes in as is,
        // exactly as HuggingFaceTokenizer.encode passes it with the options set in open().
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, true);
        try {
            long[] ids = TokenizersLibrary.LIB.getTokenIds(encoding);
            long[] types = TokenizersLibrary.LIB.getTypeIds(encoding);
            return new TokenizedInput(ids, types, settings.encodingLength(ids.length));
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
