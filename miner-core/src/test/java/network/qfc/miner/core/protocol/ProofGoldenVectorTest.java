package network.qfc.miner.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the byte format of a proof. The seed is RFC 8032 test 1; the address was computed with the official
 * {@code b3sum} tool, the digest with {@code b3sum} over the hand-assembled bytes below, and the signature with
 * {@code openssl pkeyutl -sign -rawin} (Ed25519): none of these come from the code under test.
 */
class ProofGoldenVectorTest {
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    // b3sum(public key) = 6c31041268f471609c79f5f2 | dbcc38e4a4ab2f4d416109a4e09fcf50fd0f0062 (last 20 bytes)
    static final String ADDRESS = "dbcc38e4a4ab2f4d416109a4e09fcf50fd0f0062";

    static final String UNSIGNED_HEX = ""
            + ADDRESS                                       // validator, 20 raw bytes
            + "0807060504030201"                            // epoch u64 LE = 0x0102030405060708
            + "02"                                          // task_type tag 2 = Embedding
            + "0f000000" + "7166632d656d6265642d736d616c6c" // model name: u32 len 15 + "qfc-embed-small"
            + "04000000" + "76312e30"                       // model version: u32 len 4 + "v1.0"
            + "11".repeat(32)                               // Embedding.input_hash
            + "22".repeat(32)                               // input_hash (the task id)
            + "33".repeat(32)                               // output_hash
            + "d204000000000000"                            // execution_time_ms u64 = 1234
            + "00ca9a3b00000000"                            // flops_estimated u64 = 1_000_000_000
            + "02"                                          // backend u8 2 = CPU
            + "00f1536500000000";                           // timestamp u64 = 1_700_000_000
    static final String DIGEST = "bdf4e41271556a5090330b469cbe2b3641c6134a6144580e6ef8a16024def07a";
    static final String SIGNATURE = "18d928daadd9e26838af74fea3a6ce5793984edc6ad0c5eba2f769c98c84ebc2"
            + "c0ad60dcad7f10ae0c8e8f7ef5064b4c8e1711cbd292ea2579fd7699d57dfc0c";

    static byte[] fill(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    static InferenceProof unsignedProof(Address validator) {
        return InferenceProof.unsigned(validator, 0x0102030405060708L,
                new ComputeTaskType.Embedding(ModelId.parse("qfc-embed-small@v1.0"), fill(0x11)),
                fill(0x22), fill(0x33), 1234, 1_000_000_000L, ComputeBackend.CPU, 1_700_000_000L);
    }

    @Test
    void keyAndAddressOfTheFixedSeed() {
        ValidatorKey key = ValidatorKey.fromHex(SEED);
        assertThat(key.publicKeyHex()).isEqualTo(PUBLIC_KEY);
        assertThat(key.address().hex()).isEqualTo(ADDRESS);
    }

    @Test
    void unsignedBytesDigestAndSignatureArePinned() {
        ValidatorKey key = ValidatorKey.fromHex(SEED);
        InferenceProof proof = unsignedProof(key.address());
        assertThat(Hex.encode(proof.unsignedBytes())).isEqualTo(UNSIGNED_HEX);
        assertThat(UNSIGNED_HEX.length() / 2).isEqualTo(20 + 8 + 1 + 4 + 15 + 4 + 4 + 32 + 32 + 32 + 8 + 8 + 1 + 8);
        assertThat(Hex.encode(proof.signingDigest())).isEqualTo(DIGEST);

        InferenceProof signed = proof.signedBy(key);
        assertThat(Hex.encode(signed.signature())).isEqualTo(SIGNATURE);
        assertThat(signed.proofBytesHex()).isEqualTo(UNSIGNED_HEX + SIGNATURE).doesNotStartWith("0x");
        assertThat(signed.verifySignature(key.publicKey())).isTrue();
        assertThat(proof.verifySignature(key.publicKey())).isFalse();
        assertThat(InferenceProof.decode(signed.toBytes())).isEqualTo(signed);
    }

    @Test
    void aChangedFieldBreaksTheSignature() {
        ValidatorKey key = ValidatorKey.fromHex(SEED);
        InferenceProof signed = unsignedProof(key.address()).signedBy(key);
        InferenceProof tampered = new InferenceProof(signed.validator(), signed.epoch() + 1, signed.taskType(),
                signed.inputHash(), signed.outputHash(), signed.executionTimeMs(), signed.flopsEstimated(),
                signed.backend(), signed.timestamp(), signed.signature());
        assertThat(tampered.verifySignature(key.publicKey())).isFalse();
    }

    @Test
    void signedPayloadsUseTheAddressTextWithoutPrefix() {
        ValidatorKey key = ValidatorKey.fromHex(SEED);
        byte[] msg = SignedPayloads.registerMinerMessage(key.address(), "NVIDIA RTX 4090", 3000);
        assertThat(new String(msg, StandardCharsets.UTF_8)).isEqualTo(ADDRESS + "NVIDIA RTX 4090" + "3000");
        // b3sum of that text
        assertThat(Hex.encode(Blake3.hash(msg)))
                .isEqualTo("f4ad05b95041b374abc317eca9ff5afbb83c9ecf5ae2745c5cee5d7b0986800f");
        byte[] sig = key.signBlake3(msg);
        assertThat(ValidatorKey.verify(key.publicKey(), Blake3.hash(msg), sig)).isTrue();

        assertThat(new String(SignedPayloads.reportStatusMessage(key.address(), 7), StandardCharsets.UTF_8))
                .isEqualTo(ADDRESS + "7");
    }
}
