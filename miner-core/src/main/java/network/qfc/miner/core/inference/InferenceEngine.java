package network.qfc.miner.core.inference;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;

/**
 * Runs embedding tasks with the canonical computation of the protocol (see {@code docs} / the protocol page, "The
 * output of an embedding task"): tokenizer as its file configures it, the model on real tokens only, f32 sequential
 * sum over tokens divided by the encoding length, f32 L2 normalisation, f32 little-endian bytes, BLAKE3-256.
 *
 * <p>Runs the model through DJL's OnnxRuntime engine ({@link EmbeddingModel}) and tokenizes with
 * {@link CanonicalTokenizer}. The backend is chosen once at construction ({@link #backend()}); loaded models stay in a
 * {@link ModelPool}. Thread-safe: worker threads may call {@link #embed} concurrently.
 */
public final class InferenceEngine implements AutoCloseable {
    /** The largest task input accepted: far beyond what 512 tokens can use. */
    public static final int MAX_INPUT_BYTES = 256 * 1024;

    private final EngineConfig config;
    private final ExecutionProvider provider;
    private volatile BackendSelection selection;
    private final ExecutionProvider cpuFallback;
    private final ModelPool pool;
    private final BackendSelfCheck selfCheck;
    private final Map<ModelId, SelfCheckResult> selfChecks = new java.util.concurrent.ConcurrentHashMap<>();

    /** An engine over this machine's real execution providers. */
    public InferenceEngine(EngineConfig config) {
        this(config, null);
    }

    /** An engine choosing among {@code providers} (tests inject failing ones); null means the real ones. */
    public InferenceEngine(EngineConfig config, List<ExecutionProvider> providers) {
        this(config, providers, BackendSelfCheck.uncached());
    }

    /**
     * An engine whose backend, when it is not the CPU, must pass {@code selfCheck} for each model before it computes
     * a proof with it; otherwise that model runs on the CPU and {@link #backend()} says why.
     */
    public InferenceEngine(EngineConfig config, List<ExecutionProvider> providers, BackendSelfCheck selfCheck) {
        this.config = config;
        this.selfCheck = java.util.Objects.requireNonNull(selfCheck, "selfCheck");
        NativeLibraries.prepare(config.nativeCacheDir());
        List<ExecutionProvider> all = providers == null ? OrtProviders.standard() : List.copyOf(providers);
        NativeLibraries.removeOrtTempFolder();
        BackendSelector.Choice choice = new BackendSelector(all).select(config.preference());
        this.provider = choice.provider();
        this.selection = choice.selection();
        this.cpuFallback = all.stream().filter(p -> p.backend() == ComputeBackend.CPU)
                .findFirst().orElse(provider);
        this.pool = new ModelPool(this::load, config.memoryBudgetMb());
    }

    private EmbeddingModel load(ModelId id, Path dir) {
        EmbeddingModel m = loadOnProvider(id, dir);
        return m.backend() == ComputeBackend.CPU ? m : selfChecked(id, dir, m);
    }

    /**
     * The model on the backend if the backend computes the CPU's bits for it (or the node tolerates the difference),
     * else on the CPU, with the reason in {@link #backend()}.
     */
    private EmbeddingModel selfChecked(ModelId id, Path dir, EmbeddingModel onBackend) {
        EmbeddingModel onCpu = null;
        SelfCheckResult r;
        try {
            Optional<SelfCheckResult> known = selfCheck.cached(onBackend.backend(), id);
            if (known.isPresent()) {
                r = known.get();
            } else {
                onCpu = loadCpu(id, dir);
                r = selfCheck.run(onBackend.backend(), id, onBackend, onCpu);
            }
        } catch (RuntimeException e) {
            onBackend.close();
            if (onCpu != null) {
                onCpu.close();
            }
            throw e;
        }
        selfChecks.put(id, r);
        if (r.minesOnBackend()) {
            if (onCpu != null) {
                onCpu.close();
            }
            return onBackend;
        }
        onBackend.close();
        selection = new BackendSelection(selection.requested(), ComputeBackend.CPU, Optional.of(r.message()));
        return onCpu != null ? onCpu : loadCpu(id, dir);
    }

    private EmbeddingModel loadCpu(ModelId id, Path dir) {
        try {
            return EmbeddingModel.load(id, dir, cpuFallback, config.intraOpThreads());
        } catch (ExecutionProvider.ProviderUnavailableException e) {
            throw new InferenceException("ONNX Runtime cannot run on the CPU: " + e.getMessage(), e);
        }
    }

    private EmbeddingModel loadOnProvider(ModelId id, Path dir) {
        try {
            return EmbeddingModel.load(id, dir, provider, config.intraOpThreads());
        } catch (ExecutionProvider.ProviderUnavailableException | ModelLoadException e) {
            if (provider == cpuFallback || (e instanceof ModelLoadException && !(e.getCause() instanceof ai.onnxruntime.OrtException))) {
                throw asRuntime(e);
            }
            // the GPU provider started but could not run this model: CPU, with the reason kept
            try {
                EmbeddingModel m = EmbeddingModel.load(id, dir, cpuFallback, config.intraOpThreads());
                selection = new BackendSelection(selection.requested(), cpuFallback.backend(), Optional.of(
                        selection.actual().wireName() + " could not run " + id + " (" + e.getMessage() + "): using CPU"));
                return m;
            } catch (ExecutionProvider.ProviderUnavailableException cpuFailed) {
                throw new InferenceException("ONNX Runtime cannot run on the CPU: " + cpuFailed.getMessage(), cpuFailed);
            }
        }
    }

    private static RuntimeException asRuntime(Exception e) {
        return e instanceof RuntimeException r ? r : new InferenceException(e.getMessage(), e);
    }

    /**
     * Embeds {@code input} (raw task bytes, UTF-8, may be empty) with the model in {@code modelDir}
     * ({@code model.onnx} + {@code tokenizer.json}).
     *
     * @throws TaskInputException when the bytes are not UTF-8 or too large
     * @throws ModelLoadException when the model folder cannot be loaded (the message names the file)
     * @throws InferenceException when ONNX Runtime fails
     */
    public EmbeddingResult embed(ModelId model, Path modelDir, byte[] input) {
        String text = decode(input);
        try (ModelPool.Lease lease = pool.acquire(model, modelDir)) {
            EmbeddingModel m = lease.model();
            long start = System.nanoTime();
            TokenizedInput tokens = m.tokenizer().encode(text);
            float[] vector = m.embed(tokens);
            byte[] bytes = CanonicalPooling.littleEndianBytes(vector);
            byte[] hash = Blake3.hash(bytes);
            long nanos = System.nanoTime() - start;
            return new EmbeddingResult(vector, bytes, hash, tokens.tokens(), tokens.encodingLength(), nanos, m.backend());
        }
    }

    /** Strict UTF-8: malformed or unmappable bytes are a {@link TaskInputException}. */
    public static String decode(byte[] input) {
        if (input == null) {
            throw new TaskInputException("the task has no input bytes");
        }
        if (input.length > MAX_INPUT_BYTES) {
            throw new TaskInputException("the task input is " + input.length + " bytes, more than the "
                    + MAX_INPUT_BYTES + " an embedding accepts");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(input));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new TaskInputException("the task input is not valid UTF-8 text (" + e.getMessage() + ")");
        }
    }

    /** Loads a model ahead of its first task (the pool keeps it hot). */
    public void preload(ModelId model, Path modelDir) {
        pool.acquire(model, modelDir).close();
    }

    /** The backend asked for, the one running, and why they differ. */
    public BackendSelection backend() {
        return selection;
    }

    public EngineConfig config() {
        return config;
    }

    /** The self-check verdict of each model loaded on a backend other than the CPU. */
    public Map<ModelId, SelfCheckResult> selfChecks() {
        return Map.copyOf(selfChecks);
    }

    /** The layer of every model this engine was asked for. */
    public Map<ModelId, ModelLayer> layers() {
        return pool.layers();
    }

    public ModelPool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
