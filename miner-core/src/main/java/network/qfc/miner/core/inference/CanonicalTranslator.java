package network.qfc.miner.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Steps 2-4 of the canonical computation as a DJL {@link Translator}: the real tokens only (ids, an all-ones mask,
 * token type ids when the model takes them, matched by input name) in, the model's FIRST output (hidden states,
 * [1, tokens, hidden]) out, pooled by {@link CanonicalPooling}. No batchifier: one sequence a call, never padded.
 * Stateless: one instance serves every predictor.
 */
final class CanonicalTranslator implements Translator<TokenizedInput, float[]> {
    private static final String ENCODING_LENGTH = "encodingLength";
    private volatile boolean takesMask;
    private volatile boolean takesTypes;

    /** Reads which inputs the model takes (each predictor prepares it once; the answer is the same every time). */
    @Override
    public void prepare(TranslatorContext ctx) {
        Set<String> inputs = new HashSet<>(ctx.getModel().describeInput().keys());
        takesMask = inputs.contains("attention_mask");
        takesTypes = inputs.contains("token_type_ids");
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenizedInput input) {
        ctx.setAttachment(ENCODING_LENGTH, input.encodingLength());
        NDManager m = ctx.getNDManager();
        int n = input.tokens();
        Shape shape = new Shape(1, n);
        NDList list = new NDList(3);
        list.add(named(m.create(input.ids(), shape), "input_ids"));
        if (takesMask) {
            long[] ones = new long[n];
            Arrays.fill(ones, 1L);
            list.add(named(m.create(ones, shape), "attention_mask"));
        }
        if (takesTypes) {
            list.add(named(m.create(input.typeIds(), shape), "token_type_ids"));
        }
        return list;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray hidden = list.get(0);
        if (hidden.getDataType() != DataType.FLOAT32 || hidden.getShape().dimension() != 3) {
            throw new InferenceException("the model's first output is " + hidden.getDataType() + " "
                    + hidden.getShape() + ", not float [1, tokens, hidden]");
        }
        int tokens = (int) hidden.getShape().get(1);
        int dim = (int) hidden.getShape().get(2);
        ByteBuffer bytes = hidden.toByteBuffer().order(ByteOrder.nativeOrder());
        float[] mean = CanonicalPooling.meanOverEncoding(bytes.asFloatBuffer(), tokens, dim,
                (Integer) ctx.getAttachment(ENCODING_LENGTH));
        return CanonicalPooling.normalize(mean);
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

}
