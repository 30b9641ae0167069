package network.qfc.miner.core.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ModelId;

/**
 * One loaded BERT-style embedding model: its ONNX Runtime session (graph optimisation ALL, the engine's execution
 * provider and intra-op threads) and its canonical tokenizer. {@link #embed} is thread-safe: an ONNX Runtime session
 * runs concurrent calls, so worker threads share one session instead of one DJL Predictor each.
 *
 * <p>The hidden size comes from the model's first output, never from a constant, so 384-dim MiniLM and 768-dim
 * bert-base run the same code. Inputs are matched by name ({@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} when the model has it).
 */
public final class EmbeddingModel implements AutoCloseable {
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private final ModelId id;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final CanonicalTokenizer tokenizer;
    private final ComputeBackend backend;
    private final String idsInput;
    private final String maskInput;
    private final String typeInput;
    private final long parameters;
    private final long memoryBytes;
    private final String firstOutput;
    private final int dim;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
    private final AtomicInteger inUse = new AtomicInteger();
    private volatile boolean retired;
    private volatile boolean closed;

    private EmbeddingModel(ModelId id, OrtEnvironment env, OrtSession session, CanonicalTokenizer tokenizer,
                           ComputeBackend backend, long modelFileBytes, Map<String, NodeInfo> inputs,
                           String firstOutput, int dim) {
        this.firstOutput = firstOutput;
        this.dim = dim;
        this.id = id;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.backend = backend;
        this.idsInput = inputs.containsKey("input_ids") ? "input_ids" : inputs.keySet().iterator().next();
        this.maskInput = inputs.containsKey("attention_mask") ? "attention_mask" : null;
        this.typeInput = inputs.containsKey("token_type_ids") ? "token_type_ids" : null;
        // fp32 weights: 4 bytes a parameter
        this.parameters = modelFileBytes / Float.BYTES;
        // the weights, plus ONNX Runtime's pre-packed copies and arena: measured ~2x the file for MiniLM
        this.memoryBytes = modelFileBytes * 2;
    }

    /** Loads {@code dir/model.onnx} + {@code dir/tokenizer.json} with {@code provider}; errors name the file. */
    static EmbeddingModel load(ModelId id, Path dir, OrtEnvironment env, ExecutionProvider provider, int intraOpThreads)
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
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // no CPU arena: ~30 MB less peak memory, bit-identical outputs (the golden hashes run with it)
            options.setCPUArenaAllocator(false);
            // intra-op threads sleep between runs instead of spinning: a desktop miner shares its cores, and on the
            // 2-core build machine under load this gave ~1.5x the throughput (threading never changes the bits)
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            provider.addTo(options);
            session = env.createSession(modelFile.toString(), options);
            NodeInfo first = firstOutput(session, modelFile);
            int dim = (int) ((TensorInfo) first.getInfo()).getShape()[2];
            return new EmbeddingModel(id, env, session, tokenizer, provider.backend(), size, session.getInputInfo(),
                    first.getName(), dim);
        } catch (OrtException e) {
            closeQuietly(session);
            tokenizer.close();
            throw new ModelLoadException(modelFile, "not a valid ONNX model: " + e.getMessage(), e);
        } catch (RuntimeException | ExecutionProvider.ProviderUnavailableException e) {
            closeQuietly(session);
            tokenizer.close();
            throw e;
        }
    }

    /** The first output (hidden states, [batch, tokens, hidden]); its hidden size must be fixed in the model. */
    private static NodeInfo firstOutput(OrtSession session, Path modelFile) throws OrtException {
        Iterator<NodeInfo> outputs = session.getOutputInfo().values().iterator();
        NodeInfo first = outputs.hasNext() ? outputs.next() : null;
        if (first == null || !(first.getInfo() instanceof TensorInfo info) || info.getShape().length != 3
                || info.getShape()[2] <= 0 || info.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new ModelLoadException(modelFile, "its first output is not a float [batch, tokens, hidden] tensor", null);
        }
        return first;
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException | RuntimeException ignored) {
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

    /** The pooled, normalised vector of an already tokenized input (steps 2-4). */
    public float[] embed(TokenizedInput input) {
        int n = input.tokens();
        long[] shape = {1, n};
        Buffers b = buffers.get().ensure(n, dim);
        Map<String, OnnxTensor> feed = new HashMap<>(4);
        OnnxTensor out = null;
        try {
            feed.put(idsInput, OnnxTensor.createTensor(env, b.ids(input.ids(), n), shape));
            if (maskInput != null) {
                feed.put(maskInput, OnnxTensor.createTensor(env, b.ones(n), shape));
            }
            if (typeInput != null) {
                feed.put(typeInput, OnnxTensor.createTensor(env, b.types(input.typeIds(), n), shape));
            }
            // only the first output, written straight into this thread's buffer: no copy, no garbage
            FloatBuffer states = b.hidden(n * dim);
            out = OnnxTensor.createTensor(env, states, new long[] {1, n, dim});
            try (OrtSession.Result ignored = session.run(feed, Map.of(firstOutput, out))) {
                float[] mean = CanonicalPooling.meanOverEncoding(states, n, dim, input.encodingLength());
                return CanonicalPooling.normalize(mean);
            }
        } catch (OrtException e) {
            throw new InferenceException(id + ": ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : feed.values()) {
                t.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    /** Direct buffers of one worker thread, grown on demand, reused for every input. */
    private static final class Buffers {
        private LongBuffer ids = LongBuffer.allocate(0);
        private LongBuffer types = LongBuffer.allocate(0);
        private LongBuffer ones = LongBuffer.allocate(0);
        private FloatBuffer hidden = FloatBuffer.allocate(0);

        Buffers ensure(int tokens, int dim) {
            if (ids.capacity() < tokens) {
                int cap = Math.max(tokens, 128);
                ids = directLongs(cap);
                types = directLongs(cap);
                ones = directLongs(cap);
                for (int i = 0; i < cap; i++) {
                    ones.put(i, 1L);
                }
            }
            if (hidden.capacity() < tokens * dim) {
                hidden = ByteBuffer.allocateDirect(Math.max(tokens, 128) * dim * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
            return this;
        }

        LongBuffer ids(long[] values, int n) {
            return fill(ids, values, n);
        }

        LongBuffer types(long[] values, int n) {
            return fill(types, values, n);
        }

        LongBuffer ones(int n) {
            return ones.duplicate().position(0).limit(n).slice();
        }

        FloatBuffer hidden(int floats) {
            return hidden.duplicate().position(0).limit(floats).slice();
        }

        private static LongBuffer fill(LongBuffer buffer, long[] values, int n) {
            LongBuffer view = buffer.duplicate().position(0).limit(n).slice();
            view.put(values, 0, n).flip();
            return view;
        }

        private static LongBuffer directLongs(int n) {
            return ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
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
        closeQuietly(session);
        tokenizer.close();
    }

    @Override
    public void close() {
        retire();
    }
}
