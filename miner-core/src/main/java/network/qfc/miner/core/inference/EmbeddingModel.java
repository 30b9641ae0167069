package network.qfc.miner.core.inference;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;

/**
 * One loaded BERT-style embedding model, run through DJL: a {@link Criteria} -> {@link ZooModel} on the OnnxRuntime
 * engine (one ONNX Runtime session, graph optimisation ALL, sequential, the engine's intra-op threads, the execution
 * provider's device) with the {@link CanonicalTranslator}, and its canonical tokenizer. {@link #embed} is
 * thread-safe: each calling thread (a worker) gets its own {@link Predictor}, and every predictor shares the one
 * model, so the weights are in memory once however many workers run.
 *
 * <p>The hidden size comes from the model's first output at each call, never from a constant, so 384-dim MiniLM and
 * 768-dim bert-base run the same code. Inputs are matched by name ({@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} when the model has it).
 *
 * <p>What DJL's string options cannot say: its OnnxRuntime engine can turn the CPU arena on but not off, and has no
 * option for intra-op spinning. Neither changes a bit (measured: the golden hashes are the same with and without),
 * the workers run one intra-op thread each, where spinning has no thread to spin, and the arena's cost is in the
 * README's measured peak RSS.
 */
public final class EmbeddingModel implements AutoCloseable {
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private final ModelId id;
    private final ZooModel<TokenizedInput, float[]> model;
    private final CanonicalTokenizer tokenizer;
    private final ComputeBackend backend;
    private final long parameters;
    private final long memoryBytes;
    private final ThreadLocal<Predictor<TokenizedInput, float[]>> predictors;
    private final Queue<Predictor<TokenizedInput, float[]>> allPredictors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inUse = new AtomicInteger();
    private volatile boolean retired;
    private volatile boolean closed;

    private EmbeddingModel(ModelId id, ZooModel<TokenizedInput, float[]> model, CanonicalTokenizer tokenizer,
                           ComputeBackend backend, long modelFileBytes) {
        this.id = id;
        this.model = model;
        this.tokenizer = tokenizer;
        this.backend = backend;
        // fp32 weights: 4 bytes a parameter
        this.parameters = modelFileBytes / Float.BYTES;
        // the weights, plus ONNX Runtime's pre-packed copies and arena: measured ~2x the file for MiniLM
        this.memoryBytes = modelFileBytes * 2;
        this.predictors = ThreadLocal.withInitial(() -> {
            Predictor<TokenizedInput, float[]> p = model.newPredictor();
            allPredictors.add(p);
            return p;
        });
    }

    /** Loads {@code dir/model.onnx} + {@code dir/tokenizer.json} with {@code provider}; errors name the file. */
    static EmbeddingModel load(ModelId id, Path dir, ExecutionProvider provider, int intraOpThreads)
            throws ExecutionProvider.ProviderUnavailableException {
        Path modelFile = dir.resolve(MODEL_FILE);
        Path tokenizerFile = dir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(modelFile) || !Files.isReadable(modelFile)) {
            throw new ModelLoadException(modelFile, "missing or unreadable", null);
        }
        if (!Files.isRegularFile(tokenizerFile) || !Files.isReadable(tokenizerFile)) {
            throw new ModelLoadException(tokenizerFile, "missing or unreadable", null);
        }
        long size;
        try {
            size = Files.size(modelFile);
        } catch (IOException e) {
            throw new ModelLoadException(modelFile, "unreadable: " + e.getMessage(), e);
        }
        CanonicalTokenizer tokenizer = CanonicalTokenizer.open(tokenizerFile);
        ZooModel<TokenizedInput, float[]> model = null;
        try {
            model = criteria(modelFile, provider, intraOpThreads).loadModel();
            return new EmbeddingModel(id, model, tokenizer, provider.backend(), size);
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            closeQuietly(model);
            tokenizer.close();
            Throwable ort = e.getCause() instanceof OrtException o ? o : e;
            throw new ModelLoadException(modelFile, "not a valid ONNX model: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), ort);
        } catch (RuntimeException | ExecutionProvider.ProviderUnavailableException e) {
            closeQuietly(model);
            tokenizer.close();
            throw e;
        }
    }

    /**
     * The model as DJL loads it: OnnxRuntime engine, the translator, and the session options of the canonical
     * computation as the engine's string options (its OrtModel reads optLevel, executionMode and the thread counts;
     * it applies intraOpNumThreads only when interOpNumThreads is also given).
     */
    static Criteria<TokenizedInput, float[]> criteria(Path modelFile, ExecutionProvider provider, int intraOpThreads)
            throws ExecutionProvider.ProviderUnavailableException {
        Criteria.Builder<TokenizedInput, float[]> b = Criteria.builder()
                .setTypes(TokenizedInput.class, float[].class)
                .optModelPath(modelFile)
                .optEngine("OnnxRuntime")
                .optTranslator(new CanonicalTranslator())
                .optOption("optLevel", "ALL_OPT")
                .optOption("executionMode", "SEQUENTIAL")
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(intraOpThreads));
        provider.configure(b);
        return b.build();
    }

    private static void closeQuietly(ZooModel<?, ?> m) {
        if (m != null) {
            try {
                m.close();
            } catch (RuntimeException ignored) {
                // already failing
            }
        }
    }

    public ModelId id() {
        return id;
    }

    public ComputeBackend backend() {
        return backend;
    }

    /** Parameters, estimated from the fp32 model file's size. */
    public long parameters() {
        return parameters;
    }

    /** What the pool counts against its budget while this model is loaded. */
    public long memoryBytes() {
        return memoryBytes;
    }

    public CanonicalTokenizer tokenizer() {
        return tokenizer;
    }

    /** The pooled, normalised vector of an already tokenized input (steps 2-4), on this thread's predictor. */
    public float[] embed(TokenizedInput input) {
        try {
            return predictors.get().predict(input);
        } catch (TranslateException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new InferenceException(id + ": ONNX Runtime failed: " + c.getMessage(), e);
        }
    }

    boolean tryRetain() {
        while (true) {
            int n = inUse.get();
            if (closed || retired || n < 0) {
                return false;
            }
            if (inUse.compareAndSet(n, n + 1)) {
                if (retired || closed) {
                    release();
                    return false;
                }
                return true;
            }
        }
    }

    void release() {
        if (inUse.decrementAndGet() == 0 && retired) {
            closeNow();
        }
    }

    /** Unloads once no task is using the model. */
    void retire() {
        retired = true;
        if (inUse.get() == 0) {
            closeNow();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private synchronized void closeNow() {
        if (closed || inUse.get() != 0) {
            return;
        }
        closed = true;
        for (Predictor<TokenizedInput, float[]> p; (p = allPredictors.poll()) != null; ) {
            p.close();
        }
        closeQuietly(model);
        tokenizer.close();
    }

    @Override
    public void close() {
        retire();
    }
}
