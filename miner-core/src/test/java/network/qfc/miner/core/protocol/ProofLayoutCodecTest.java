package network.qfc.miner.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every task-type variant and backend in every layout where it exists, refusals where it does not, and what
 * each generation's decoder makes of another generation's bytes. */
class ProofLayoutCodecTest {
    static final Address VALIDATOR = Address.parse("0x" + "cd".repeat(20));
    static final ModelId MODEL = new ModelId("qfc-embed-small", "v1.0");

    static byte[] fill(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static List<ComputeTaskType> allVariants() {
        return List.of(
                new ComputeTaskType.TextGeneration(new ModelId("qfc-llm-0.5b", "v1.0"), fill(1), 128, 0, 99),
                new ComputeTaskType.ImageClassification(new ModelId("qfc-classify-small", "v1.0"), fill(2)),
                new ComputeTaskType.Embedding(MODEL, fill(3)),
                new ComputeTaskType.SpeechToText(new ModelId("qfc-whisper-base", "v1.0"), fill(4), "zh"),
                new ComputeTaskType.ImageGeneration(new ModelId("qfc-sd-1.5", "v1.0"), fill(5), fill(6), 512, 768, 20,
                        -7L),
                new ComputeTaskType.OnnxInference(fill(7), fill(8)));
    }

    static InferenceProof proof(ProofLayout layout, ComputeTaskType type, ComputeBackend backend) {
        return new InferenceProof(VALIDATOR, 42, type, fill(9), fill(10), 7, 1_000_000_000L, backend,
                CanonicalFormat.GGUF_Q4_K_M, 1_700_000_000L, fill64(), layout);
    }

    static byte[] fill64() {
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x5a);
        return out;
    }

    @Test
    void everyVariantRoundTripsInEveryLayoutThatHasIt() {
        for (ProofLayout layout : ProofLayout.values()) {
            for (ComputeTaskType type : allVariants()) {
                if (!layout.taskTypes().contains(type.kind())) {
                    continue;
                }
                for (ComputeBackend backend : layout.backends()) {
                    InferenceProof p = proof(layout, type, backend);
                    byte[] bytes = p.toBytes();
                    assertThat(bytes[28] & 0xff).as("%s tag of %s", layout, type).isEqualTo(type.tag(layout));
                    InferenceProof back = InferenceProof.decode(bytes, layout);
                    assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
                    assertThat(back.toBytes()).isEqualTo(bytes);
                    assertThat(back.backend()).isEqualTo(backend);
                    assertThat(back.layout()).isEqualTo(layout);
                }
            }
        }
    }

    @Test
    void tagsPerLayoutAreTheNodes() {
        List<ComputeTaskType> v = allVariants();
        assertThat(v.stream().map(t -> t.tag(ProofLayout.B)).toList()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(v.get(5).tag(ProofLayout.A)).isEqualTo(3);
        assertThat(v.get(5).tag(ProofLayout.C)).isEqualTo(5);
        assertThat(ComputeBackend.CPU.borshTag(ProofLayout.A)).isEqualTo(2);
        assertThat(ComputeBackend.CPU.borshTag(ProofLayout.B)).isEqualTo(3);
        assertThat(ComputeBackend.ROCM.borshTag(ProofLayout.C)).isEqualTo(2);
        assertThat(ComputeBackend.OPENCL.borshTag(ProofLayout.C)).isEqualTo(4);
        assertThat(ComputeBackend.CPU.borshTag()).isEqualTo(2);
        assertThat(ComputeBackend.fromBorshTag(2)).isEqualTo(ComputeBackend.CPU);
        assertThat(ComputeBackend.fromBorshTag(2, ProofLayout.B)).isEqualTo(ComputeBackend.ROCM);
        assertThat(ComputeBackend.parse("rocm")).isEqualTo(ComputeBackend.ROCM);
        assertThat(ComputeBackend.OPENCL.wireName()).isEqualTo("OpenCL");
        assertThat(v.get(3).taskTypeName()).isEqualTo("speech_to_text");
        assertThat(ProofLayout.negotiationOrder()).containsExactly(ProofLayout.C, ProofLayout.B, ProofLayout.A);
        assertThat(ProofLayout.C.displayName()).isEqualTo("proof layout C");
        assertThat(ProofLayout.parse(" layout b")).isEqualTo(ProofLayout.B);
        assertThatThrownBy(() -> ProofLayout.parse("D")).hasMessageContaining("expected A, B or C");
    }

    @Test
    void whatLayoutACannotCarryIsAClearError() {
        assertThatThrownBy(() -> proof(ProofLayout.A, allVariants().get(2), ComputeBackend.ROCM))
                .isInstanceOf(LayoutUnsupportedException.class)
                .hasMessageContaining("proof layout A").hasMessageContaining("ROCm")
                .hasMessageContaining("0 CUDA, 1 Metal, 2 CPU");
        assertThatThrownBy(() -> proof(ProofLayout.C, allVariants().get(2), ComputeBackend.OPENCL)
                .inLayout(ProofLayout.A)).isInstanceOf(LayoutUnsupportedException.class).hasMessageContaining("OpenCL");
        for (ComputeTaskType newer : allVariants().subList(3, 5)) {
            assertThatThrownBy(() -> proof(ProofLayout.A, newer, ComputeBackend.CPU))
                    .isInstanceOf(LayoutUnsupportedException.class).hasMessageContaining(newer.taskTypeName());
        }
    }

    @Test
    void aCProofIsRefusedByTheBAndADecoders() {
        byte[] c = proof(ProofLayout.C, allVariants().get(2), ComputeBackend.CPU).toBytes();
        assertThatThrownBy(() -> InferenceProof.decode(c, ProofLayout.B)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("1 trailing byte");
        assertThatThrownBy(() -> InferenceProof.decode(c, ProofLayout.A)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("unknown backend variant tag 3");
        // and B or A bytes are one byte short for a C decoder
        byte[] b = proof(ProofLayout.B, allVariants().get(2), ComputeBackend.CPU).toBytes();
        assertThatThrownBy(() -> InferenceProof.decode(b, ProofLayout.C)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("truncated");
        byte[] a = proof(ProofLayout.A, allVariants().get(2), ComputeBackend.CPU).toBytes();
        assertThatThrownBy(() -> InferenceProof.decode(a, ProofLayout.C)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aBProofWithCpuTag3IsRefusedByA() {
        byte[] b = proof(ProofLayout.B, allVariants().get(2), ComputeBackend.CPU).toBytes();
        assertThatThrownBy(() -> InferenceProof.decode(b, ProofLayout.A)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("unknown backend variant tag 3")
                .hasMessageContaining("0 CUDA, 1 Metal, 2 CPU in proof layout A");
    }

    @Test
    void anAProofWithCpuDecodesOnBAsRocm() {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        InferenceProof a = ProofGoldenVectorTest.unsignedProof(key.address()).signedBy(key);
        InferenceProof onB = InferenceProof.decode(a.toBytes(), ProofLayout.B);
        assertThat(onB.backend()).isEqualTo(ComputeBackend.ROCM);
        // and a B node checks the signature over ITS encoding of what it decoded: the same bytes, so it verifies
        assertThat(onB.verifySignature(key.publicKey())).isTrue();
        assertThat(onB.toBytes()).isEqualTo(a.toBytes());
    }

    @Test
    void anAOnnxProofIsMisreadOrRefusedByB() {
        byte[] a = proof(ProofLayout.A, allVariants().get(5), ComputeBackend.CPU).toBytes();
        assertThat(a[28]).isEqualTo((byte) 3);
        // tag 3 is SpeechToText on B: its model-id string length comes from the model hash bytes
        assertThatThrownBy(() -> InferenceProof.decode(a, ProofLayout.B)).isInstanceOf(ProofFormatException.class);
    }

    @Test
    void unknownTagsInTheNewerLayoutsAreRefused() {
        byte[] bytes = proof(ProofLayout.C, allVariants().get(2), ComputeBackend.CPU).toBytes();
        byte[] badType = bytes.clone();
        badType[28] = 6;
        assertThatThrownBy(() -> InferenceProof.decode(badType, ProofLayout.C)).isInstanceOf(ProofFormatException.class)
                .hasMessageContaining("unknown task_type variant tag 6").hasMessageContaining("expected 0..5");
        int backendAt = bytes.length - 64 - 8 - 2;
        byte[] badBackend = bytes.clone();
        badBackend[backendAt] = 5;
        assertThatThrownBy(() -> InferenceProof.decode(badBackend, ProofLayout.C))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("unknown backend variant tag 5");
        byte[] badFormat = bytes.clone();
        badFormat[backendAt + 1] = 3;
        assertThatThrownBy(() -> InferenceProof.decode(badFormat, ProofLayout.C))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("unknown canonical_format variant tag 3");
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> InferenceProof.decode(cut, ProofLayout.C)).as("length %d", len)
                    .isInstanceOf(ProofFormatException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void theFormatIsOnTheWireInCOnly() {
        InferenceProof b = proof(ProofLayout.B, allVariants().get(2), ComputeBackend.CPU);
        InferenceProof decoded = InferenceProof.decode(b.toBytes(), ProofLayout.B);
        assertThat(decoded.canonicalFormat()).isEqualTo(CanonicalFormat.SAFETENSORS_FP32);
        assertThat(decoded).isEqualTo(b); // not on B's wire, so not part of B's equality
        assertThat(b.inLayout(ProofLayout.C).canonicalFormat()).isEqualTo(CanonicalFormat.GGUF_Q4_K_M);
        assertThat(CanonicalFormat.requiredFor(MODEL)).isEqualTo(CanonicalFormat.SAFETENSORS_FP32);
        assertThat(CanonicalFormat.requiredFor(new ModelId("qfc-llm-7b", "v1.0"))).isEqualTo(CanonicalFormat.GGUF_Q4_K_M);
        assertThat(CanonicalFormat.GGUF_Q5_K_M.displayName()).isEqualTo("gguf-q5_k_m");
    }

    @Test
    void restampAndNewEpochNeedANewSignature() {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        InferenceProof p = ProofLayoutGoldenVectorTest.embedding(ProofLayout.C).signedBy(key);
        InferenceProof later = p.restamped(1_700_000_100L);
        assertThat(later.timestamp()).isEqualTo(1_700_000_100L);
        assertThat(later.isSigned()).isFalse();
        assertThat(later.signedBy(key).verifySignature(key.publicKey())).isTrue();
        InferenceProof epoch = p.withEpoch(5).signedBy(key);
        assertThat(epoch.epoch()).isEqualTo(5);
        assertThat(epoch.layout()).isEqualTo(ProofLayout.C);
        assertThat(p.withCanonicalFormat(CanonicalFormat.GGUF_Q4_K_M).toBytes()[p.toBytes().length - 64 - 8 - 1])
                .isEqualTo((byte) 1);
    }
}
