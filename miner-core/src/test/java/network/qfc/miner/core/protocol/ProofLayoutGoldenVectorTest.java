package network.qfc.miner.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of layouts B and C (layout A is pinned by {@link ProofGoldenVectorTest}, whose vector this test
 * re-derives from the same hand-assembled prefix). As there, nothing here comes from the code under test: the bytes
 * were assembled by hand from the field table, the digests computed with the official {@code b3sum} tool and the
 * signatures with {@code openssl pkeyutl -sign -rawin} (Ed25519) over the RFC 8032 test-1 seed.
 */
class ProofLayoutGoldenVectorTest {
    static final String ADDRESS = ProofGoldenVectorTest.ADDRESS;

    /** Every field of the embedding vector up to the backend byte (same in all three layouts). */
    static final String EMBEDDING_HEAD = ""
            + ADDRESS                                       // validator
            + "0807060504030201"                            // epoch u64
            + "02"                                          // task_type tag 2 = Embedding (all layouts)
            + "0f000000" + "7166632d656d6265642d736d616c6c" // "qfc-embed-small"
            + "04000000" + "76312e30"                       // "v1.0"
            + "11".repeat(32) + "22".repeat(32) + "33".repeat(32)
            + "d204000000000000"                            // execution_time_ms = 1234
            + "00ca9a3b00000000";                           // flops = 1e9
    static final String TIMESTAMP = "00f1536500000000";     // 1_700_000_000

    static final String A_UNSIGNED = EMBEDDING_HEAD + "02" + TIMESTAMP;          // CPU = 2 in A
    static final String B_UNSIGNED = EMBEDDING_HEAD + "03" + TIMESTAMP;          // CPU = 3 in B
    static final String C_UNSIGNED = EMBEDDING_HEAD + "03" + "00" + TIMESTAMP;   // CPU = 3, SafetensorsFp32 = 0
    static final String B_DIGEST = "73bc7dfd1e09d2010aceff075b79b3167f4ca7d4712e519a2e370a8bed153eae";
    static final String B_SIGNATURE = "5c63e326ac07beef856c2183c4401e7928df7993ab29f58008564da68c11a929"
            + "dcbd86e185644bd27a021a2c86b1fa16c430ba97610251b31e508056df5b1b01";
    static final String C_DIGEST = "2765953c993fa59cd2b5339b95c997caa58c722b2d335b7b6c1d755a63294d3c";
    static final String C_SIGNATURE = "1e1ce1f7c86f6d35eb8c8b83de322e6994ce9a62f1a5408a73ba8c16ab056e37"
            + "495f597306dadc4351efe507b647cfb9434c4bcc3f15cc0c7e047aeb05f27b0d";

    /** A speech-to-text proof in layout C: tag 3, ROCm (2), GgufQ5KM (2), flops 4e9. */
    static final String SPEECH_C_UNSIGNED = ""
            + ADDRESS + "0807060504030201"
            + "03"                                                  // task_type tag 3 = SpeechToText
            + "10000000" + "7166632d776869737065722d62617365"       // "qfc-whisper-base"
            + "04000000" + "76312e30"                               // "v1.0"
            + "44".repeat(32)                                       // audio_hash
            + "02000000" + "656e"                                   // language "en"
            + "22".repeat(32) + "33".repeat(32)
            + "d204000000000000"
            + "00286bee00000000"                                    // flops = 4e9
            + "02"                                                  // backend ROCm = 2
            + "02"                                                  // canonical_format GgufQ5KM = 2
            + TIMESTAMP;
    static final String SPEECH_C_DIGEST = "338cc91f1c18081dcf095fd8607da22ee8bd800c3333a59ca1323146d071c9a6";
    static final String SPEECH_C_SIGNATURE = "984326fd423694445705d5abad32a2cc8be07eecb6431bb608f09f482766bdb9"
            + "e103b168c57c58e3f2b87ba71e94d4d35eef0b6c3058f829f0bf6c0da0bac50f";

    static byte[] fill(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static InferenceProof embedding(ProofLayout layout) {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        return InferenceProof.unsigned(layout, key.address(), 0x0102030405060708L,
                new ComputeTaskType.Embedding(ModelId.parse("qfc-embed-small@v1.0"), fill(0x11)),
                fill(0x22), fill(0x33), 1234, 1_000_000_000L, ComputeBackend.CPU, 1_700_000_000L);
    }

    @Test
    void layoutAIsTheV20VectorByteForByte() {
        assertThat(A_UNSIGNED).isEqualTo(ProofGoldenVectorTest.UNSIGNED_HEX);
        InferenceProof a = embedding(ProofLayout.A);
        assertThat(Hex.encode(a.unsignedBytes())).isEqualTo(A_UNSIGNED);
        assertThat(Hex.encode(a.signedBy(ValidatorKey.fromHex(ProofGoldenVectorTest.SEED)).signature()))
                .isEqualTo(ProofGoldenVectorTest.SIGNATURE);
        // the layout-less API still makes today's bytes
        assertThat(ProofGoldenVectorTest.unsignedProof(a.validator())).isEqualTo(a);
    }

    @Test
    void layoutBPinned() {
        assertPinned(embedding(ProofLayout.B), B_UNSIGNED, B_DIGEST, B_SIGNATURE);
    }

    @Test
    void layoutCPinned() {
        InferenceProof c = embedding(ProofLayout.C);
        assertThat(c.canonicalFormat()).isEqualTo(CanonicalFormat.SAFETENSORS_FP32);
        assertPinned(c, C_UNSIGNED, C_DIGEST, C_SIGNATURE);
        assertThat(C_UNSIGNED.length() / 2).isEqualTo(B_UNSIGNED.length() / 2 + 1);
    }

    @Test
    void speechToTextInLayoutCPinned() {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        InferenceProof p = new InferenceProof(key.address(), 0x0102030405060708L,
                new ComputeTaskType.SpeechToText(ModelId.parse("qfc-whisper-base@v1.0"), fill(0x44), "en"),
                fill(0x22), fill(0x33), 1234, 4_000_000_000L, ComputeBackend.ROCM, CanonicalFormat.GGUF_Q5_K_M,
                1_700_000_000L, null, ProofLayout.C);
        assertPinned(p, SPEECH_C_UNSIGNED, SPEECH_C_DIGEST, SPEECH_C_SIGNATURE);
    }

    @Test
    void relayoutResignsWithTheNewBytes() {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        InferenceProof c = embedding(ProofLayout.C).signedBy(key);
        InferenceProof b = c.relayout(ProofLayout.B, key);
        InferenceProof a = b.relayout(ProofLayout.A, key);
        assertThat(b.proofBytesHex()).isEqualTo(B_UNSIGNED + B_SIGNATURE);
        assertThat(a.proofBytesHex()).isEqualTo(A_UNSIGNED + ProofGoldenVectorTest.SIGNATURE);
        assertThat(a.relayout(ProofLayout.C, key).proofBytesHex()).isEqualTo(C_UNSIGNED + C_SIGNATURE);
        // only changing the layout, without signing again, leaves a proof no node accepts
        InferenceProof unsigned = c.inLayout(ProofLayout.B);
        assertThat(unsigned.isSigned()).isFalse();
        assertThat(unsigned.verifySignature(key.publicKey())).isFalse();
    }

    private static void assertPinned(InferenceProof proof, String unsignedHex, String digest, String signature) {
        ValidatorKey key = ValidatorKey.fromHex(ProofGoldenVectorTest.SEED);
        assertThat(Hex.encode(proof.unsignedBytes())).isEqualTo(unsignedHex);
        assertThat(Hex.encode(proof.signingDigest())).isEqualTo(digest);
        InferenceProof signed = proof.signedBy(key);
        assertThat(Hex.encode(signed.signature())).isEqualTo(signature);
        assertThat(signed.proofBytesHex()).isEqualTo(unsignedHex + signature);
        assertThat(signed.verifySignature(key.publicKey())).isTrue();
        assertThat(InferenceProof.decode(Hex.decode("proof", unsignedHex + signature), proof.layout()))
                .isEqualTo(signed);
    }
}
