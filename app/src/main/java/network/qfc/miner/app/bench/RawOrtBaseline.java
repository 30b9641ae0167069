package network.qfc.miner.app.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import network.qfc.miner.core.inference.NativeLibraries;
import network.qfc.miner.core.inference.TokenizedInput;

/**
 * Plain ONNX Runtime on pre-tokenized input, the yardstick of {@code bench --compare-raw}: a session, the tensors,
 * the run, a mean and a norm. No pool, no tokenizer, no hash, no DJL. Two kinds:
 * {@link #defaults} is what someone writing it by hand gets (ORT's default session options, called by one thread);
 * {@link #tuned} is the engine's own options (optimisation ALL, one intra-op thread, no arena, no spinning), the
 * direct path the engine used before DJL, called by as many threads as the engine has workers.
 */
final class RawOrtBaseline implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean hasTypes;
    private final String description;

    private RawOrtBaseline(Path modelFile, OrtSession.SessionOptions options, String description) throws OrtException {
        this.env = OrtEnvironment.getEnvironment();
        this.session = env.createSession(modelFile.toString(), options);
        this.hasTypes = session.getInputNames().contains("token_type_ids");
        this.description = description;
    }

    /** ORT's default session options, nothing set. */
    static RawOrtBaseline defaults(Path modelFile, Path nativeCache) throws OrtException {
        NativeLibraries.prepare(nativeCache);
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            return new RawOrtBaseline(modelFile, o, "plain ONNX Runtime, default session options, 1 caller");
        }
    }

    /** The engine's options with {@code intraOpThreads} threads, for {@code callers} threads sharing the session. */
    static RawOrtBaseline tuned(Path modelFile, Path nativeCache, int intraOpThreads, int callers) throws OrtException {
        NativeLibraries.prepare(nativeCache);
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setIntraOpNumThreads(intraOpThreads);
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setCPUArenaAllocator(false);
            o.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new RawOrtBaseline(modelFile, o, "plain ONNX Runtime, tuned (ALL, " + intraOpThreads
                    + " intra-op thread(s), no arena, no spinning), " + callers + " caller(s) sharing it");
        }
    }

    String description() {
        return description;
    }

    float[] embed(TokenizedInput in) throws OrtException {
        int n = in.tokens();
        long[] shape = {1, n};
        long[] mask = new long[n];
        Arrays.fill(mask, 1L);
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.ids()), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (hasTypes) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.typeIds()), shape));
            }
            try (OrtSession.Result r = session.run(feed)) {
                OnnxTensor hidden = (OnnxTensor) r.get(0);
                int dim = (int) hidden.getInfo().getShape()[2];
                FloatBuffer h = hidden.getFloatBuffer();
                float[] v = new float[dim];
                for (int t = 0; t < n; t++) {
                    for (int i = 0; i < dim; i++) {
                        v[i] += h.get(t * dim + i);
                    }
                }
                float norm = 0f;
                for (int i = 0; i < dim; i++) {
                    v[i] /= in.encodingLength();
                    norm += v[i] * v[i];
                }
                float len = (float) Math.sqrt(norm);
                for (int i = 0; i < dim; i++) {
                    v[i] /= len;
                }
                return v;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
