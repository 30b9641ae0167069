package network.qfc.miner.app.desktop.firstrun;

import java.nio.file.Path;
import java.util.Arrays;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * A key just written to its encrypted key file, unlocked, with a copy of its password kept only until setup decides
 * whether to remember it ({@link #wipePassword()} then). Never printed.
 */
public final class WrittenKey {
    private final ValidatorKey key;
    private final Path file;
    private final char[] password;

    WrittenKey(ValidatorKey key, Path file, char[] password) {
        this.key = key;
        this.file = file;
        this.password = password.clone();
    }

    public ValidatorKey key() {
        return key;
    }

    public Path file() {
        return file;
    }

    /** The password (not a copy); wiped by {@link #wipePassword()}. */
    public char[] password() {
        return password;
    }

    public void wipePassword() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "WrittenKey[" + key.address() + " in " + file + "]";
    }
}
