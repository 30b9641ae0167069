package network.qfc.miner.core.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import network.qfc.miner.core.protocol.Blake3;

/**
 * A straightforward second implementation of the canonical computation, sharing no code with the engine: the
 * tokenizer PADDED to 128 as the node's file says, raw ONNX Runtime on the padded batch with its attention mask,
 * a plain masked-sum loop over all 128 positions, divide by 128, normalise, BLAKE3. Agreement with the engine
 * proves both the pooling and the "padding does not change the real tokens' bits" premise.
 */
final class IndependentEmbedding implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env = environment();
    private final OrtSession session;

    /** ONNX Runtime's one environment, created by DJL's engine first as in the product (it refuses to come second). */
    private static OrtEnvironment environment() {
        NativeLibraries.prepare(TestModels.nativeCache());
        return OrtEnvironment.getEnvironment();
    }

    IndependentEmbedding(Path modelDir) throws Exception {
        tokenizer = HuggingFaceTokenizer.newInstance(modelDir.resolve("tokenizer.json"),
                Map.of("padding", "MAX_LENGTH", "maxLength", "128", "truncation", "LONGEST_FIRST"));
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(1);
        session = env.createSession(modelDir.resolve("model.onnx").toString(), options);
    }

    byte[] hash(String text) throws Exception {
        Encoding e = tokenizer.encode(text);
        long[] ids = e.getIds();
        long[] mask = e.getAttentionMask();
        long[] types = e.getTypeIds();
        int len = ids.length;
        long[][] idsB = {ids};
        long[][] maskB = {mask};
        long[][] typesB = {types};
        try (OnnxTensor a = OnnxTensor.createTensor(env, idsB);
             OnnxTensor b = OnnxTensor.createTensor(env, maskB);
             OnnxTensor c = OnnxTensor.createTensor(env, typesB);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
            float[][][] hidden = (float[][][]) r.get(0).getValue();
            int dim = hidden[0][0].length;
            float[] v = new float[dim];
            for (int t = 0; t < len; t++) {
                for (int i = 0; i < dim; i++) {
                    v[i] += hidden[0][t][i] * (float) mask[t];
                }
            }
            for (int i = 0; i < dim; i++) {
                v[i] /= (float) len;
            }
            float s = 0f;
            for (float x : v) {
                s += x * x;
            }
            float n = (float) Math.sqrt(s);
            ByteBuffer out = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                out.putFloat(x / n);
            }
            return Blake3.hash(out.array());
        }
    }

    int paddedLength(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    @Override
    public void close() throws ai.onnxruntime.OrtException {
        session.close();
        tokenizer.close();
    }
}
