package network.qfc.miner.app.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import network.qfc.miner.core.inference.TokenizedInput;

/**
 * Plain ONNX Runtime on pre-tokenized input, the yardstick of {@code bench --compare-raw}: one session with the
 * engine's options (optimisation ALL, same threads, no arena, no spinning), the tensors, the run, a mean and a norm.
 * No pool, no tokenizer, no hash.
 */
final class RawOrtBaseline implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean hasTypes;

    RawOrtBaseline(Path modelFile, int threads) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setIntraOpNumThreads(threads);
            // the engine's session options, so that the ratio measures the engine's own overhead
            o.setCPUArenaAllocator(false);
            o.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(modelFile.toString(), o);
        }
        hasTypes = session.getInputNames().contains("token_type_ids");
    }

    float[] embed(TokenizedInput in) throws OrtException {
        int n = in.tokens();
        long[] shape = {1, n};
        long[] mask = new long[n];
        java.util.Arrays.fill(mask, 1L);
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.ids()), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (hasTypes) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(in.typeIds()), shape));
            }
            try (OrtSession.Result r = session.run(feed)) {
                OnnxTensor hidden = (OnnxTensor) r.get(0);
                long[] s = hidden.getInfo().getShape();
                int dim = (int) s[2];
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
