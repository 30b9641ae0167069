package network.qfc.miner.core.keys;

import java.util.Optional;

/** The keychain of a computer that has none that works: remembers nothing and says why. */
public record NoKeychain(String reason) implements Keychain {

    public static final String STATUS = "no OS keychain available: the password will be asked at start";

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String status() {
        return STATUS + " (" + reason + ")";
    }

    @Override
    public Optional<char[]> password(String account) {
        return Optional.empty();
    }

    @Override
    public void remember(String account, char[] password) {
        throw new KeyFileException("cannot remember the password on this computer: " + status());
    }

    @Override
    public void forget(String account) {
        // nothing is remembered
    }

    @Override
    public void close() {
        // nothing open
    }
}
