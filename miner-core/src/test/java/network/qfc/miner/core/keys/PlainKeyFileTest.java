package network.qfc.miner.core.keys;

import static network.qfc.miner.core.keys.EncryptedKeyFileTest.SEED_HEX;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainKeyFileTest {
    static final SecretWatch WATCH = new SecretWatch();

    @TempDir
    Path dir;

    private Path keyFile(String content, String mode) throws IOException {
        Path f = dir.resolve("validator.key");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void readsTheReferenceMinersFormatWithPrefixAndWhitespace() throws IOException {
        String expected = ValidatorKey.fromHex(SEED_HEX).address().toString();
        for (String content : new String[] {SEED_HEX, SEED_HEX + "\n", "  0x" + SEED_HEX.toUpperCase() + "\r\n", "\n0X" + SEED_HEX + "\t\n"}) {
            Path f = keyFile(content, "rw-------");
            try (ValidatorKey k = PlainKeyFile.read(f)) {
                assertThat(k.address().toString()).isEqualTo(expected);
            }
            Files.delete(f);
        }
        Path ro = keyFile(SEED_HEX, "r--------");
        try (ValidatorKey k = PlainKeyFile.read(ro)) {
            assertThat(k.address().toString()).isEqualTo(expected);
        }
    }

    @Test
    void aFileOpenToOtherUsersIsRefusedWithTheFix() throws IOException {
        Path f = keyFile(SEED_HEX + "\n", "rw-r--r--");
        Throwable t = WATCH.thrown(() -> PlainKeyFile.read(f));
        assertThat(t).isInstanceOf(KeyFileException.class)
                .hasMessage("key file " + f + " is open to other users (rw-r--r--): run chmod 600 " + f + " and try again");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(WATCH.thrown(() -> PlainKeyFile.read(f))).hasMessageContaining("chmod 600 " + f);
    }

    @Test
    void textThatIsNotAKeyIsRefusedWithoutRepeatingIt() throws IOException {
        String[] bad = {SEED_HEX.substring(2), SEED_HEX + "00", SEED_HEX.substring(1) + "g", SEED_HEX + " " + SEED_HEX, ""};
        for (String content : bad) {
            Path f = keyFile(content, "rw-------");
            Throwable t = WATCH.thrown(() -> PlainKeyFile.read(f));
            assertThat(t).isInstanceOf(KeyFileException.class).hasMessageContaining("does not hold a validator key");
            WATCH.record(t);
            Files.delete(f);
        }
        assertThat(WATCH.thrown(() -> PlainKeyFile.fromText(("x" + SEED_HEX).toCharArray())))
                .hasMessage("not a validator key: expected 64 hex characters (optionally with 0x)");
    }

    @Test
    void writeMakesANewOwnerOnlyFileThatReadsBack() throws IOException {
        Path f = dir.resolve("sub/exported.key");
        try (ValidatorKey k = ValidatorKey.fromHex(SEED_HEX)) {
            PlainKeyFile.write(f, k);
            assertThat(Files.readString(f)).isEqualTo(SEED_HEX + "\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
            assertThat(WATCH.thrown(() -> PlainKeyFile.write(f, k))).hasMessageContaining("already exists");
            try (ValidatorKey back = PlainKeyFile.read(f)) {
                assertThat(back.address()).isEqualTo(k.address());
            }
        }
        assertThat(EncryptedKeyFileTest.filesIn(f.getParent())).containsExactly(f);
    }

    @AfterAll
    static void noSecretInAnyMessage() {
        WATCH.assertNoneContains(SEED_HEX, SEED_HEX.substring(2), SEED_HEX.substring(0, 62));
    }
}
