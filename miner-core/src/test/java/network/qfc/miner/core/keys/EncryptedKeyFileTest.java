package network.qfc.miner.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedKeyFileTest {
    /** A known seed; its hex must never appear in a message. */
    static final String SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PASSWORD = "correct horse battery staple";
    /** Cheap scrypt for tests that are not about the KDF; the first test uses the real cost. */
    static final KdfParams FAST = new KdfParams(1 << 10, 8, 1);
    static final SecretWatch WATCH = new SecretWatch();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static ValidatorKey knownKey() {
        return ValidatorKey.fromHex(SEED_HEX);
    }

    @Test
    void roundTripWithTheRealKdfWritesAnOwnerOnlyVersionedFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("validator.json");
        try (ValidatorKey key = knownKey()) {
            EncryptedKeyFile.write(file, key, PASSWORD.toCharArray());

            JsonNode json = JSON.readTree(file.toFile());
            assertThat(json.get("version").intValue()).isEqualTo(1);
            assertThat(json.get("kind").textValue()).isEqualTo("qfc-validator-key");
            assertThat(json.get("address").textValue()).isEqualTo(key.address().toString());
            assertThat(json.get("publicKey").textValue()).isEqualTo(key.publicKeyHex());
            assertThat(json.at("/kdf/name").textValue()).isEqualTo("scrypt");
            assertThat(json.at("/kdf/n").intValue()).isEqualTo(131072);
            assertThat(json.at("/kdf/r").intValue()).isEqualTo(8);
            assertThat(json.at("/kdf/p").intValue()).isEqualTo(1);
            assertThat(json.at("/kdf/salt").textValue()).hasSize(64);
            assertThat(json.at("/cipher/name").textValue()).isEqualTo("aes-256-gcm");
            assertThat(json.at("/cipher/nonce").textValue()).hasSize(24);
            assertThat(json.get("ciphertext").textValue()).hasSize(96); // 32-byte seed + 16-byte tag
            assertThat(json.get("createdAt").textValue()).endsWith("Z");
            assertThat(Files.readString(file)).doesNotContain(SEED_HEX).doesNotContain(PASSWORD);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(filesIn(dir)).containsExactly(file);

            try (ValidatorKey back = EncryptedKeyFile.read(file, PASSWORD.toCharArray())) {
                assertThat(back.address()).isEqualTo(key.address());
                byte[] digest = Blake3.hash("proof".getBytes(StandardCharsets.UTF_8));
                assertThat(ValidatorKey.verify(key.publicKey(), digest, back.sign(digest))).isTrue();
                WATCH.record(back);
            }
        }
    }

    @Test
    void wrongPasswordIsAClearErrorAndLeavesTheFileAsItWas() throws IOException {
        Path file = written("k.json", PASSWORD);
        byte[] before = Files.readAllBytes(file);

        Throwable t = WATCH.thrown(() -> EncryptedKeyFile.read(file, "not the password".toCharArray()));

        assertThat(t).isInstanceOf(KeyFileException.class).hasMessage("wrong password for key file " + file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void aTamperedCiphertextIsReportedAsDamagedNotAsAWrongPassword() throws IOException {
        Path file = written("k.json", PASSWORD);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        String c = json.get("ciphertext").textValue();
        json.put("ciphertext", (c.charAt(0) == '0' ? "1" : "0") + c.substring(1));
        Files.write(file, JSON.writeValueAsBytes(json));

        Throwable t = WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray()));

        assertThat(t).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("key file " + file + " is damaged or was altered")
                .hasMessageContaining("restore it from your backup");
    }

    @Test
    void aSwappedAddressIsDetectedWithTheRightPassword() throws IOException {
        Path file = written("k.json", PASSWORD);
        Path other = dir.resolve("other.json");
        try (ValidatorKey o = ValidatorKey.generate(new java.security.SecureRandom())) {
            EncryptedKeyFile.write(other, o, "x".toCharArray(), FAST);
        }
        ObjectNode victim = (ObjectNode) JSON.readTree(file.toFile());
        JsonNode theirs = JSON.readTree(other.toFile());
        victim.put("address", theirs.get("address").textValue());
        Files.write(file, JSON.writeValueAsBytes(victim));
        assertThat(EncryptedKeyFile.addressOf(file)).isEqualTo(theirs.get("address").textValue());

        Throwable t = WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray()));
        assertThat(t).isInstanceOf(KeyFileException.class).hasMessageContaining("is damaged or was altered");

        // the public key swapped as well: still refused
        victim.put("publicKey", theirs.get("publicKey").textValue());
        Files.write(file, JSON.writeValueAsBytes(victim));
        Throwable t2 = WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray()));
        assertThat(t2).isInstanceOf(KeyFileException.class).hasMessageContaining("is damaged or was altered");
    }

    @Test
    void anAbsurdKdfCostFromTheFileIsRefusedBeforeAnyAllocation() throws IOException {
        Path file = written("k.json", PASSWORD);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) json.get("kdf")).put("n", 1 << 30);
        Files.write(file, JSON.writeValueAsBytes(json));

        Throwable t = WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray()));
        assertThat(t).isInstanceOf(KeyFileException.class).hasMessageContaining("scrypt n must be a power of two");
    }

    @Test
    void changingThePasswordReEncryptsAtomically() throws IOException {
        Path file = written("k.json", PASSWORD);
        String address = EncryptedKeyFile.addressOf(file);
        byte[] before = Files.readAllBytes(file);

        Throwable wrong = WATCH.thrown(() ->
                EncryptedKeyFile.changePassword(file, "nope".toCharArray(), "new one".toCharArray(), FAST));
        assertThat(wrong).hasMessage("wrong password for key file " + file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        EncryptedKeyFile.changePassword(file, PASSWORD.toCharArray(), "new one".toCharArray(), FAST);

        assertThat(WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray())))
                .hasMessage("wrong password for key file " + file);
        try (ValidatorKey k = EncryptedKeyFile.read(file, "new one".toCharArray())) {
            assertThat(k.address().toString()).isEqualTo(address);
        }
        assertThat(EncryptedKeyFile.addressOf(file)).isEqualTo(address);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void writeNeverOverwritesAnExistingKeyFile() throws IOException {
        Path file = written("k.json", PASSWORD);
        byte[] before = Files.readAllBytes(file);
        try (ValidatorKey other = ValidatorKey.generate(new java.security.SecureRandom())) {
            Throwable t = WATCH.thrown(() -> EncryptedKeyFile.write(file, other, "x".toCharArray(), FAST));
            assertThat(t).isInstanceOf(KeyFileException.class).hasMessageContaining("already exists");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void theClearPartIsReadableWithoutAPassword() {
        Path file = written("k.json", PASSWORD);
        try (ValidatorKey key = knownKey()) {
            assertThat(EncryptedKeyFile.addressOf(file)).isEqualTo(key.address().toString());
            KeyFileInfo info = EncryptedKeyFile.info(file);
            assertThat(info.address()).isEqualTo(key.address());
            assertThat(info.publicKeyHex()).isEqualTo(key.publicKeyHex());
            WATCH.record(info);
        }
    }

    @Test
    void filesThatAreNotKeyFilesGetClearErrors() throws IOException {
        Path notJson = Files.writeString(dir.resolve("a.json"), "hello");
        assertThat(WATCH.thrown(() -> EncryptedKeyFile.read(notJson, PASSWORD.toCharArray())))
                .hasMessage(notJson + " is not a QFC encrypted key file (it is not valid JSON)");
        Path plain = Files.writeString(dir.resolve("plain.key"), SEED_HEX + "\n");
        assertThat(WATCH.thrown(() -> EncryptedKeyFile.addressOf(plain)))
                .hasMessageContaining("is not a QFC encrypted key file");
        Path file = written("k.json", PASSWORD);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        json.put("version", 2);
        Files.write(file, JSON.writeValueAsBytes(json));
        assertThat(WATCH.thrown(() -> EncryptedKeyFile.read(file, PASSWORD.toCharArray())))
                .hasMessage("key file " + file + " has format version 2; this miner reads version 1: update the miner");
        Path missing = dir.resolve("missing.json");
        assertThat(WATCH.thrown(() -> EncryptedKeyFile.addressOf(missing)))
                .hasMessage("key file " + missing + " does not exist");
    }

    @AfterAll
    static void noSecretInAnyMessage() {
        WATCH.assertNoneContains(SEED_HEX, PASSWORD, "new one");
    }

    private Path written(String name, String password) {
        Path file = dir.resolve(name);
        try (ValidatorKey key = knownKey()) {
            EncryptedKeyFile.write(file, key, password.toCharArray(), FAST);
        }
        return file;
    }

    static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".tmp") || Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().equals("other.json"))
                    .sorted().toList();
        }
    }
}
