package network.qfc.miner.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** BouncyCastle's BLAKE3 and Ed25519 against the official vectors. */
class CryptoVectorsTest {
    @Test
    void blake3OfficialVectors() {
        // BLAKE3 test_vectors.json: input_len 0 and 1 (input bytes are i % 251, so one byte 0x00)
        assertThat(Hex.encode(Blake3.hash(new byte[0])))
                .isEqualTo("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
        assertThat(Hex.encode(Blake3.hash(new byte[] {0})))
                .isEqualTo("2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213");
    }

    @Test
    void ed25519Rfc8032TestVector1() {
        ValidatorKey key = ValidatorKey.fromHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(key.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = key.sign(new byte[0]);
        assertThat(Hex.encode(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(ValidatorKey.verify(key.publicKey(), new byte[0], sig)).isTrue();
        sig[0] ^= 1;
        assertThat(ValidatorKey.verify(key.publicKey(), new byte[0], sig)).isFalse();
    }
}
