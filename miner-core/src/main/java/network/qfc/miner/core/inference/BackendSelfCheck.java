package network.qfc.miner.core.inference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The canonical self-check a backend other than the CPU must pass before the miner mines on it: the node compares
 * output hashes bit for bit and slashes a mismatch, and a GPU or CoreML need not compute the CPU's bits (fp16 paths,
 * fused kernels). A fixed set of 40 inputs (empty, short, long, truncated, non-ASCII, CJK, emoji) is embedded on the
 * backend and on the CPU path; the backend is used only when every hash matches, or when the node is known to verify
 * with tolerance. Results are cached per backend and model when a cache is given.
 */
public final class BackendSelfCheck {
    /** The fixed inputs: the same on every machine, so that a cached result means the same thing everywhere. */
    static final List<String> INPUTS = inputs();

    private final Optional<SelfCheckCache> cache;
    private final boolean tolerantNode;
    private final Clock clock;

    /**
     * @param cache where results are kept (empty: checked at every engine start)
     * @param tolerantNode the node accepts outputs within a tolerance (the devnet's {@code --tolerant}): a backend
     *                     with different bits is then used, and the result says so
     */
    public BackendSelfCheck(Optional<SelfCheckCache> cache, boolean tolerantNode, Clock clock) {
        this.cache = cache;
        this.tolerantNode = tolerantNode;
        this.clock = clock;
    }

    /** No cache, exact verification. */
    public static BackendSelfCheck uncached() {
        return new BackendSelfCheck(Optional.empty(), false, Clock.systemUTC());
    }

    /** The cached verdict of {@code backend} for {@code model}, if there is one. */
    Optional<SelfCheckResult> cached(ComputeBackend backend, ModelId model) {
        return cache.flatMap(c -> c.find(backend.wireName(), model.toString()))
                .map(r -> new SelfCheckResult(r.backend(), r.backendKey(), r.model(), r.checks(), r.mismatches(),
                        !r.identical() && tolerantNode, r.checkedAtMillis()));
    }

    /** Embeds the fixed inputs on both models and compares the hashes; keeps the result in the cache. */
    SelfCheckResult run(ComputeBackend backend, ModelId model, EmbeddingModel onBackend, EmbeddingModel onCpu) {
        int mismatches = 0;
        for (String s : INPUTS) {
            mismatches += Arrays.equals(hash(onBackend, s), hash(onCpu, s)) ? 0 : 1;
        }
        SelfCheckResult r = new SelfCheckResult(displayName(backend), backend.wireName(), model.toString(),
                INPUTS.size(), mismatches, mismatches > 0 && tolerantNode, clock.millis());
        cache.ifPresent(c -> c.remember(r));
        return r;
    }

    private static byte[] hash(EmbeddingModel m, String s) {
        return Blake3.hash(CanonicalPooling.littleEndianBytes(m.embed(m.tokenizer().encode(s))));
    }

    static String displayName(ComputeBackend backend) {
        return switch (backend) {
            case METAL -> "CoreML";
            case CUDA -> "CUDA";
            default -> backend.wireName();
        };
    }

    private static List<String> inputs() {
        List<String> l = new ArrayList<>(List.of("", " ", "a", "Hello, world!", "The quick brown fox jumps over the lazy dog.",
                "Validators run approved models and submit signed proofs of the work.",
                "naïve café, Straße, İstanbul, ΣΟΦΙΑ", "東京と北京の天気は晴れです。", "한국어 문장도 넣어 봅니다",
                "emoji 😀👍🏽👩‍💻 and symbols © ™ ½", "Numbers 3.14159 2.71828 1e-9 -42",
                "UPPER CASE AND lower case And Mixed", "tabs\tand\nnew lines\r\n and  spaces",
                "A much longer input that keeps going and going, ".repeat(20),
                "word ".repeat(300), "supercalifragilisticexpialidocious antidisestablishmentarianism"));
        String[] topics = {"weather", "markets", "football", "astronomy", "cooking", "music", "history", "biology",
            "chemistry", "poetry", "trains", "gardens", "oceans", "mountains", "software", "medicine", "law", "art",
            "languages", "philosophy", "cities", "energy", "farming", "travel"};
        for (int i = 0; l.size() < 40; i++) {
            l.add("Sentence " + i + " is about " + topics[i % topics.length] + " and why people care about "
                    + topics[(i * 7 + 3) % topics.length] + ".");
        }
        return List.copyOf(l);
    }

}
