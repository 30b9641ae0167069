package network.qfc.miner.core.keys;

import static network.qfc.miner.core.keys.EncryptedKeyFileTest.FAST;
import static network.qfc.miner.core.keys.EncryptedKeyFileTest.SEED_HEX;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
    static final SecretWatch WATCH = new SecretWatch();
    static final String PASSWORD = "pässwörd with spaces";

    @TempDir
    Path dir;

    private Path passwordFile(String content, String mode) throws IOException {
        Path f = dir.resolve("password.txt");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void aKeystoreOpensWithThePasswordFilesFirstLine() throws IOException {
        Path keystore = dir.resolve("validator.json");
        try (ValidatorKey k = ValidatorKey.fromHex(SEED_HEX)) {
            EncryptedKeyFile.write(keystore, k, PASSWORD.toCharArray(), FAST);
        }
        Path pw = passwordFile(PASSWORD + "\r\nsecond line is ignored\n", "rw-------");
        KeySource source = KeySource.keystore(keystore, PasswordSource.file(pw));
        try (ValidatorKey k = source.load()) {
            assertThat(k.address()).isEqualTo(ValidatorKey.fromHex(SEED_HEX).address());
        }
        assertThat(source.toString()).isEqualTo("encrypted key file " + keystore);

        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(WATCH.thrown(source::load)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("password file " + pw + " is open to other users")
                .hasMessageContaining("chmod 600 " + pw);

        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(pw, "wrong\n");
        assertThat(WATCH.thrown(source::load)).hasMessage("wrong password for key file " + keystore);
    }

    @Test
    void aPlainKeyFileSourceReadsTheReferenceFormat() throws IOException {
        Path f = dir.resolve("validator.key");
        Files.writeString(f, "0x" + SEED_HEX + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        try (ValidatorKey k = KeySource.plainFile(f).load()) {
            assertThat(k.address()).isEqualTo(ValidatorKey.fromHex(SEED_HEX).address());
        }
    }

    @Test
    void theDevnetKeyIsMadeOnceOwnerOnlyAndKeptAcrossRestarts() throws IOException {
        Path data = dir.resolve("data");
        KeySource.Devnet devnet = new KeySource.Devnet(data);
        Address first;
        try (ValidatorKey k = devnet.load()) {
            first = k.address();
        }
        assertThat(devnet.file()).isEqualTo(data.resolve("devnet-key.hex"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devnet.file()))).isEqualTo("rw-------");
        try (ValidatorKey again = KeySource.devnet(data).load()) {
            assertThat(again.address()).isEqualTo(first);
        }
        assertThat(devnet.toString()).isEqualTo("devnet key " + devnet.file());
    }

    @Test
    void withoutATerminalThePromptSaysToUseAPasswordFile() {
        // surefire runs the tests without a terminal: System.console() is null here
        assertThat(System.console()).isNull();
        assertThat(WATCH.thrown(() -> PasswordSource.console("Password: ").password()))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("no terminal to ask for the password: give a password file instead");
    }

    @Test
    void theOsKeychainEitherRemembersForRealOrSaysItWillAskAtStart() throws IOException {
        Path keystore = dir.resolve("validator.json");
        String account = Keychain.accountOf(keystore);
        try (Keychain keychain = OsKeychain.open(Duration.ofSeconds(10))) {
            PasswordSource fallback = () -> "from the prompt".toCharArray();
            PasswordSource remembered = PasswordSource.remembered(keychain, account, fallback);
            if (keychain.available()) {
                // a desktop with a keychain: a real round trip, then clean up
                keychain.remember(account, "from the keychain".toCharArray());
                assertThat(new String(remembered.password())).isEqualTo("from the keychain");
                keychain.forget(account);
                assertThat(keychain.password(account)).isEmpty();
            } else {
                // this headless machine: no Secret Service on D-Bus
                assertThat(keychain.status()).startsWith("no OS keychain available: the password will be asked at start (");
                assertThat(keychain.password(account)).isEmpty();
                assertThat(new String(remembered.password())).isEqualTo("from the prompt");
                assertThat(WATCH.thrown(() -> keychain.remember(account, "x".toCharArray())))
                        .isInstanceOf(KeyFileException.class)
                        .hasMessageStartingWith("cannot remember the password on this computer: no OS keychain available");
                keychain.forget(account);
            }
        }
    }

    @AfterAll
    static void noSecretInAnyMessage() {
        WATCH.assertNoneContains(SEED_HEX, PASSWORD, "from the keychain");
    }
}
