package network.qfc.miner.app.desktop.firstrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.KeyFileException;
import network.qfc.miner.core.keys.OwnerOnlyFile;
import network.qfc.miner.core.keys.PlainKeyFile;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * Puts the validator key in the app's encrypted key file ({@code <data>/keys/validator.json}, owner-only): a new
 * random key, an imported 64-hex secret, or a copy of an existing encrypted key file after checking its password.
 * A key already there is never destroyed: it is moved aside as {@code validator-replaced-<time>.json} first.
 * Blocking (scrypt takes about a second): call off the FX thread. Every failure is a {@link KeyFileException} whose
 * message never contains the secret or the password.
 */
public final class KeySetup {
    private final Path keyFile;
    private final KdfParams kdf;

    public KeySetup(Path keyFile, KdfParams kdf) {
        this.keyFile = Objects.requireNonNull(keyFile);
        this.kdf = Objects.requireNonNull(kdf);
    }

    /** The app's key file under {@code dirs.data()}, with the standard scrypt cost. */
    public static KeySetup inDataDirectory(AppDirectories dirs) {
        return new KeySetup(defaultKeyFile(dirs), KdfParams.STANDARD);
    }

    public static Path defaultKeyFile(AppDirectories dirs) {
        return dirs.data().resolve("keys").resolve("validator.json");
    }

    public Path keyFile() {
        return keyFile;
    }

    public KdfParams kdf() {
        return kdf;
    }

    /** A new random key, encrypted under {@code password}. */
    public WrittenKey createNew(char[] password) {
        ValidatorKey key = ValidatorKey.generate(new SecureRandom());
        return write(key, password);
    }

    /** The key whose secret is {@code secretHex} (64 hex, 0x optional); the caller wipes {@code secretHex}. */
    public WrittenKey importSecret(char[] secretHex, char[] password) {
        ValidatorKey key = PlainKeyFile.fromText(secretHex);
        return write(key, password);
    }

    /** A copy of the encrypted key file {@code source}, once {@code password} has opened it. */
    public WrittenKey importKeyFile(Path source, char[] password) {
        ValidatorKey key = EncryptedKeyFile.read(source, password);
        try {
            byte[] content = Files.readAllBytes(source);
            moveAsideExisting();
            OwnerOnlyFile.write(keyFile, content, false);
        } catch (IOException e) {
            key.destroy();
            throw new KeyFileException("could not copy " + source + " into " + keyFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
        return new WrittenKey(key, keyFile, password);
    }

    private WrittenKey write(ValidatorKey key, char[] password) {
        try {
            moveAsideExisting();
            EncryptedKeyFile.write(keyFile, key, password, kdf);
            return new WrittenKey(key, keyFile, password);
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    private void moveAsideExisting() {
        try {
            Files.createDirectories(keyFile.getParent());
            if (Files.exists(keyFile)) {
                String stamp = Instant.now().toString().replace(':', '-');
                Files.move(keyFile, keyFile.resolveSibling("validator-replaced-" + stamp + ".json"),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new KeyFileException("could not prepare " + keyFile + " for the new key: " + e.getMessage()
                    + ". Check the folder's permissions.", e);
        }
    }

    /** Wipes a password or secret array (null-safe). */
    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
