package network.qfc.miner.core.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * Where the miner's validator key comes from: a plain key file (the reference miner's format), an encrypted key
 * file with its password, or a devnet key generated once into the data folder. {@link #load()} returns a key the
 * caller owns and destroys; {@link #toString()} names the source, never a secret.
 */
public sealed interface KeySource {

    /** Loads the key; a {@link KeyFileException} says what is wrong and what to do. */
    ValidatorKey load();

    /** The reference miner's plain file of 64 hex characters (owner-only: "chmod 600" otherwise). */
    static KeySource plainFile(Path file) {
        return new PlainFile(file);
    }

    /** An {@link EncryptedKeyFile} opened with the password from {@code password}. */
    static KeySource keystore(Path file, PasswordSource password) {
        return new Keystore(file, password);
    }

    /** The devnet key in {@code dataDir}, generated on first use. */
    static KeySource devnet(Path dataDir) {
        return new Devnet(dataDir);
    }

    /** A plain key file. */
    record PlainFile(Path file) implements KeySource {
        @Override
        public ValidatorKey load() {
            return PlainKeyFile.read(file);
        }

        @Override
        public String toString() {
            return "plain key file " + file;
        }
    }

    /** An encrypted key file and where its password comes from; the password is wiped once used. */
    record Keystore(Path file, PasswordSource password) implements KeySource {
        @Override
        public ValidatorKey load() {
            char[] p = password.password();
            try {
                return EncryptedKeyFile.read(file, p);
            } finally {
                Arrays.fill(p, '\0');
            }
        }

        @Override
        public String toString() {
            return "encrypted key file " + file;
        }
    }

    /**
     * A throw-away key for a local devnet, kept as a {@link PlainKeyFile} ({@value #FILE_NAME}, owner-only) in the
     * data folder so the devnet miner keeps its identity across restarts. It holds no stake of any value, which is
     * why it is not encrypted; never use it on a real network.
     */
    record Devnet(Path dataDir) implements KeySource {
        public static final String FILE_NAME = "devnet-key.hex";

        public Path file() {
            return dataDir.resolve(FILE_NAME);
        }

        @Override
        public ValidatorKey load() {
            Path f = file();
            if (!Files.exists(f)) {
                try (ValidatorKey fresh = ValidatorKey.generate(new SecureRandom())) {
                    PlainKeyFile.write(f, fresh);
                } catch (KeyFileException e) {
                    if (!Files.exists(f)) { // else another process made it first: use theirs
                        throw e;
                    }
                }
            }
            return PlainKeyFile.read(f);
        }

        @Override
        public String toString() {
            return "devnet key " + file();
        }
    }
}
