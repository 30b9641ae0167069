package network.qfc.miner.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of every task-type variant and the strict decoder's refusals. */
class BorshCodecTest {
    static byte[] fill(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static final Address VALIDATOR = Address.parse("0x" + "ab".repeat(20));

    static List<ComputeTaskType> allVariants() {
        ModelId m = new ModelId("qfc-embed-small", "v1.0");
        return List.of(
                new ComputeTaskType.TextGeneration(new ModelId("llama-7b", "v2"), fill(1), 128, 0xffff_ffffL, -1L),
                new ComputeTaskType.ImageClassification(new ModelId("qfc-classify-small", "v1.0"), fill(2)),
                new ComputeTaskType.Embedding(m, fill(3)),
                new ComputeTaskType.OnnxInference(fill(4), fill(5)));
    }

    static InferenceProof proof(ComputeTaskType type, long epoch) {
        return new InferenceProof(VALIDATOR, epoch, type, fill(6), fill(7), Long.MAX_VALUE, -2L, ComputeBackend.METAL,
                1_700_000_000L, fill64(9));
    }

    static byte[] fill64(int b) {
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) b);
        return out;
    }

    @Test
    void everyVariantRoundTripsWithItsTag() {
        int expectedTag = 0;
        for (ComputeTaskType type : allVariants()) {
            InferenceProof p = proof(type, -1L);
            byte[] bytes = p.toBytes();
            assertThat(bytes[28] & 0xff).as("tag of %s", type).isEqualTo(expectedTag++);
            InferenceProof back = InferenceProof.decode(bytes);
            assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
            assertThat(back.taskType()).isEqualTo(type);
            assertThat(back.toBytes()).isEqualTo(bytes);
            assertThat(Long.toUnsignedString(back.epoch())).isEqualTo("18446744073709551615");
        }
    }

    @Test
    void textGenerationLayoutIsModelHashThenU32U32U64() {
        var t = new ComputeTaskType.TextGeneration(new ModelId("a", "b"), fill(1), 128, 0, 5);
        BorshWriter w = new BorshWriter();
        t.writeTo(w);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo("00" + "01000000" + "61" + "01000000" + "62"
                + "01".repeat(32) + "80000000" + "00000000" + "0500000000000000");
    }

    @Test
    void contentEqualityOfByteArrays() {
        var a = new ComputeTaskType.Embedding(new ModelId("x", "y"), fill(1));
        var b = new ComputeTaskType.Embedding(new ModelId("x", "y"), fill(1));
        var c = new ComputeTaskType.ImageClassification(new ModelId("x", "y"), fill(1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toString()).contains("01".repeat(32));
        byte[] h = a.inputHash();
        h[0] = 9;
        assertThat(a.inputHash()[0]).isEqualTo((byte) 1);
    }

    @Test
    void trailingByteIsRefused() {
        byte[] bytes = proof(allVariants().get(2), 1).toBytes();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> InferenceProof.decode(longer)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("1 trailing byte");
    }

    @Test
    void unknownVariantTagIsRefused() {
        byte[] bytes = proof(allVariants().get(2), 1).toBytes();
        bytes[28] = 4;
        assertThatThrownBy(() -> InferenceProof.decode(bytes)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("unknown task_type variant tag 4");
    }

    @Test
    void unknownBackendTagIsRefused() {
        byte[] bytes = proof(allVariants().get(3), 1).toBytes();
        int backendAt = bytes.length - 64 - 8 - 1;
        bytes[backendAt] = 3;
        assertThatThrownBy(() -> InferenceProof.decode(bytes)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("backend");
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] bytes = proof(allVariants().get(0), 1).toBytes();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> InferenceProof.decode(cut)).as("length %d", len)
                    .isInstanceOf(ProofFormatException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void stringLengthBeyondTheInputIsRefused() {
        byte[] bytes = proof(allVariants().get(2), 1).toBytes();
        bytes[29] = (byte) 0xff; // name length low byte: 255 + ...
        bytes[32] = (byte) 0x7f; // ... about 2 GiB
        assertThatThrownBy(() -> InferenceProof.decode(bytes)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("model_id.name claims");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = proof(allVariants().get(2), 1).toBytes();
        bytes[33] = (byte) 0xc3; // a lone lead byte followed by ASCII
        assertThatThrownBy(() -> InferenceProof.decode(bytes)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void modelIdParsing() {
        assertThat(ModelId.parse("qfc-embed-small@v1.0")).isEqualTo(new ModelId("qfc-embed-small", "v1.0"));
        assertThat(new ModelId("qfc-embed-small", "v1.0")).hasToString("qfc-embed-small@v1.0");
        for (String bad : new String[] {"", "abc", "@v1", "abc@", "a@b@c"}) {
            assertThatThrownBy(() -> ModelId.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name@version");
        }
    }

    @Test
    void writerRefusesOutOfRangeValues() {
        assertThatThrownBy(() -> new ComputeTaskType.TextGeneration(new ModelId("a", "b"), fill(1), 1L << 32, 0, 0))
                .hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> new ComputeTaskType.Embedding(new ModelId("a", "b"), new byte[31]))
                .hasMessageContaining("32 bytes");
    }
}
