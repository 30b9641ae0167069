package network.qfc.miner.core.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import network.qfc.miner.core.inference.tokenizer.WordPieceTokenizer;

/**
 * A model's {@code tokenizer.json} applied as the file configures it (step 1 of the canonical computation):
 * special tokens added, the file's truncation (512 when it sets none), and the file's padding counted into the
 * encoding length but never materialised, since the model runs on real tokens only. Loaded by path, never by hub
 * name. Thread-safe.
 *
 * <p>Two implementations give the same ids (a differential test holds them to it): the pure-Java
 * {@link WordPieceTokenizer}, the default, and Hugging Face's Rust tokenizer through DJL, whose native library
 * exists only for Linux x86-64/aarch64, macOS aarch64 and Windows x86-64 (not Intel Macs). The system property
 * {@code qfc.tokenizer} ({@code java} or {@code native}) picks one; the native one falls back to Java where its
 * library is missing.
 */
public final class CanonicalTokenizer implements AutoCloseable {
    /** The system property choosing the implementation. */
    public static final String IMPLEMENTATION_PROPERTY = "qfc.tokenizer";

    /** Which code tokenizes. */
    public enum Implementation { JAVA, NATIVE }

    private final HuggingFaceTokenizer nativeTokenizer;
    private final WordPieceTokenizer javaTokenizer;
    private final TokenizerSettings settings;

    private CanonicalTokenizer(HuggingFaceTokenizer nativeTokenizer, WordPieceTokenizer javaTokenizer,
                               TokenizerSettings settings) {
        this.nativeTokenizer = nativeTokenizer;
        this.javaTokenizer = javaTokenizer;
        this.settings = settings;
    }

    /** Opens {@code tokenizer.json} with the implementation the system property names (Java by default). */
    public static CanonicalTokenizer open(Path tokenizerJson) {
        String p = System.getProperty(IMPLEMENTATION_PROPERTY, "java").trim().toUpperCase(Locale.ROOT);
        Implementation wanted = p.equals("NATIVE") ? Implementation.NATIVE : Implementation.JAVA;
        return open(tokenizerJson, wanted);
    }

    /**
     * Opens {@code tokenizer.json} with {@code wanted}; native falls back to Java where DJL has no library for this
     * platform. An unreadable or malformed file is a {@link ModelLoadException} naming it.
     */
    public static CanonicalTokenizer open(Path tokenizerJson, Implementation wanted) {
        JsonNode root;
        TokenizerSettings settings;
        try {
            root = new ObjectMapper().readTree(tokenizerJson.toFile());
            if (root == null || !root.isObject()) {
                throw new IOException("not a JSON object");
            }
            settings = TokenizerSettings.of(root);
        } catch (IOException e) {
            throw new ModelLoadException(tokenizerJson, "not a readable tokenizer file: " + e.getMessage(), e);
        }
        if (wanted == Implementation.NATIVE && NativeTokenizerPlatforms.hasLibrary()) {
            return new CanonicalTokenizer(openNative(tokenizerJson, settings), null, settings);
        }
        try {
            return new CanonicalTokenizer(null, WordPieceTokenizer.of(root, settings.truncationMaxLength()), settings);
        } catch (IOException e) {
            throw new ModelLoadException(tokenizerJson, "the tokenizer cannot be built from it: " + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer openNative(Path tokenizerJson, TokenizerSettings settings) {
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", settings.truncationStrategy(),
                "maxLength", Integer.toString(settings.truncationMaxLength()),
                "modelMaxLength", Integer.toString(Math.max(settings.truncationMaxLength(), TokenizerSettings.DEFAULT_MAX_LENGTH)),
                "padding", "DO_NOT_PAD",
                "stride", "0");
        try {
            return HuggingFaceTokenizer.newInstance(tokenizerJson, options);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(tokenizerJson, "the tokenizer cannot be built from it: " + e.getMessage(), e);
        }
    }

    public TokenizerSettings settings() {
        return settings;
    }

    public Implementation implementation() {
        return nativeTokenizer != null ? Implementation.NATIVE : Implementation.JAVA;
    }

    /** Tokenizes {@code text}: real tokens plus the encoding length. */
    public TokenizedInput encode(String text) {
        if (javaTokenizer != null) {
            long[][] e = javaTokenizer.encode(text);
            return new TokenizedInput(e[0], e[1], settings.encodingLength(e[0].length));
        }
        // straight to the native encoding for the two arrays the model needs: DJL's Encoding would also fetch
        // tokens, offsets, word ids and masks through JNI (twice the time, all garbage). The text goes in as is,
        // exactly as HuggingFaceTokenizer.encode passes it with the options set in open().
        long encoding = TokenizersLibrary.LIB.encode(nativeTokenizer.getHandle(), text, true);
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
        if (nativeTokenizer != null) {
            nativeTokenizer.close();
        }
    }
}
