package network.qfc.miner.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code keys} commands end to end through the real command line, real key files and the real scrypt cost. */
class KeysCommandTest {
    /** RFC 8032 test 1: a seed and its public key, known independently of this code. */
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String ADDRESS = Address.ofPublicKey(Hex.decode("pk", PUBLIC_KEY)).toString();
    static final String PASSWORD = "Tr0ub4dor&3 long enough";

    @TempDir
    Path dir;

    private final List<Run> runs = new ArrayList<>();

    private record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        CommandLine cl = QfcCommand.commandLine();
        ((KeysCommand) cl.getSubcommands().get("keys").getCommand())
                .useInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Run r = new Run(cl.execute(args), out.toString(), err.toString());
        runs.add(r);
        return r;
    }

    private Path passwordFile(String name, String password) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private Path imported() throws IOException {
        Path keystore = dir.resolve("validator.json");
        Run r = run("0x" + SEED + "\n", "keys", "import", "--keystore", keystore.toString(),
                "--password-file", passwordFile("pw", PASSWORD).toString());
        assertThat(r.code()).as(r.err()).isZero();
        return keystore;
    }

    @Test
    void importThenShowGivesTheAddressOfTheKnownSeed() throws IOException {
        Path keystore = imported();
        Run imported = runs.get(0);
        assertThat(imported.out()).contains("imported into " + keystore)
                .contains("address:    " + ADDRESS).contains("public key: " + PUBLIC_KEY);

        Run show = run("", "keys", "show", "--keystore", keystore.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out()).isEqualTo("address:    " + ADDRESS + "\npublic key: " + PUBLIC_KEY + "\n".replace("\n", System.lineSeparator()));
        assertThat(Files.readString(keystore)).doesNotContain(SEED).doesNotContain(PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("pw", "validator.json");
        }
    }

    @Test
    void exportWritesAnOwnerOnlyFileOrPrintsOnlyWhenAskedAndChecksThePassword() throws IOException {
        Path keystore = imported();
        Path pw = dir.resolve("pw");

        Run refused = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", pw.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to print the secret key: give --out FILE");

        Path wrongPw = passwordFile("wrong", "not it");
        Path out = dir.resolve("exported.key");
        Run wrong = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", wrongPw.toString(),
                "--out", out.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("error: wrong password for key file " + keystore);
        assertThat(out).doesNotExist();

        Run toFile = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", pw.toString(),
                "--out", out.toString());
        assertThat(toFile.code()).as(toFile.err()).isZero();
        assertThat(toFile.out()).contains("wrote the secret key of " + ADDRESS + " to " + out);
        assertThat(Files.readString(out)).isEqualTo(SEED + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");

        Run again = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", pw.toString(),
                "--out", out.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");

        Run printed = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", pw.toString(), "--stdout");
        runs.remove(printed); // the one output allowed to hold the secret
        assertThat(printed.code()).isZero();
        assertThat(printed.out().strip()).isEqualTo(SEED);
    }

    @Test
    void passwdReEncryptsUnderTheNewPassword() throws IOException {
        Path keystore = imported();
        Path oldPw = dir.resolve("pw");
        Path newPw = passwordFile("new-pw", "a brand new passphrase");

        Run changed = run("", "keys", "passwd", "--keystore", keystore.toString(),
                "--old-password-file", oldPw.toString(), "--new-password-file", newPw.toString());
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("changed the password of " + keystore + " (" + ADDRESS + ")");

        Path out = dir.resolve("k");
        Run withOld = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", oldPw.toString(),
                "--out", out.toString());
        assertThat(withOld.code()).isEqualTo(1);
        assertThat(withOld.err()).contains("wrong password for key file");
        Run withNew = run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", newPw.toString(),
                "--out", out.toString());
        assertThat(withNew.code()).as(withNew.err()).isZero();
        assertThat(EncryptedKeyFile.addressOf(keystore)).isEqualTo(ADDRESS);
    }

    @Test
    void newMakesAKeyThatShowFindsAndNeverPrintsTheSecret() throws IOException {
        Path keystore = dir.resolve("fresh.json");
        Run created = run("", "keys", "new", "--keystore", keystore.toString(),
                "--password-file", passwordFile("pw", PASSWORD).toString());
        assertThat(created.code()).as(created.err()).isZero();
        String address = EncryptedKeyFile.addressOf(keystore);
        assertThat(created.out()).contains("created " + keystore).contains("address:    " + address);
        Run show = run("", "keys", "show", "--keystore", keystore.toString());
        assertThat(show.out()).contains(address).contains(EncryptedKeyFile.info(keystore).publicKeyHex());

        // the secret itself never reached the output: export it and look for it
        Path out = dir.resolve("secret.key");
        run("", "keys", "export", "--keystore", keystore.toString(), "--password-file", dir.resolve("pw").toString(),
                "--out", out.toString());
        String secret = Files.readString(out).strip();
        assertThat(secret).hasSize(64);
        for (Run r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(secret);
        }
    }

    @Test
    void secretsAndPasswordsAreNeverArgumentsAndMissingInputIsAClearError() throws IOException {
        Path keystore = dir.resolve("v.json");
        Run asValue = run("", "keys", "new", "--keystore", keystore.toString(), "--password", PASSWORD);
        assertThat(asValue.code()).isEqualTo(2);
        assertThat(asValue.err()).contains("2 unknown option(s) or argument(s), not repeated here");

        Run secretArg = run("", "keys", "import", "--keystore", keystore.toString(), SEED);
        assertThat(secretArg.code()).isEqualTo(2);
        assertThat(secretArg.err()).contains("1 unknown option(s) or argument(s), not repeated here");
        assertThat(keystore).doesNotExist();

        Run noTerminal = run("", "keys", "new", "--keystore", keystore.toString());
        assertThat(noTerminal.code()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("error: no terminal to ask for the password: give --password-file FILE");

        Run notAKey = run("hello\n", "keys", "import", "--keystore", keystore.toString(),
                "--password-file", passwordFile("pw", PASSWORD).toString());
        assertThat(notAKey.code()).isEqualTo(1);
        assertThat(notAKey.err()).contains("error: not a validator key: expected 64 hex characters");

        Path open = passwordFile("open-pw", PASSWORD);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Run shared = run(SEED + "\n", "keys", "import", "--keystore", keystore.toString(), "--password-file", open.toString());
        assertThat(shared.code()).isEqualTo(1);
        assertThat(shared.err()).contains("chmod 600 " + open);
        assertThat(keystore).doesNotExist();

        Run show = run("", "keys", "show", "--keystore", keystore.toString());
        assertThat(show.code()).isEqualTo(1);
        assertThat(show.err()).contains("error: key file " + keystore + " does not exist");
    }

    @Test
    void rememberSaysWhenNoKeychainWorksOrRemembersForReal() throws IOException {
        Path keystore = imported();
        Path pw = dir.resolve("pw");
        Run r = run("", "keys", "remember", "--keystore", keystore.toString(), "--password-file", pw.toString());
        try (network.qfc.miner.core.keys.Keychain keychain =
                     network.qfc.miner.core.keys.OsKeychain.open(java.time.Duration.ofSeconds(10))) {
            if (keychain.available()) {
                assertThat(r.code()).as(r.err()).isZero();
                assertThat(r.out()).contains("remembered the password of " + keystore);
                assertThat(run("", "keys", "remember", "--forget", "--keystore", keystore.toString()).code()).isZero();
            } else {
                // this headless machine has no Secret Service: said plainly, nothing fails behind the user's back
                assertThat(r.code()).isEqualTo(1);
                assertThat(r.err()).startsWith("no OS keychain available: the password will be asked at start (");
            }
        }
    }

    @AfterEach
    void noSecretInAnyOutput() {
        assertThat(runs).isNotEmpty();
        for (Run r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(SEED).doesNotContain(PASSWORD).doesNotContain("Exception");
        }
    }
}
