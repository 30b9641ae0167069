package network.qfc.miner.core.keys;

import java.util.Optional;

/**
 * "Remember on this computer": a key file's password kept in the operating system's keychain (macOS Keychain,
 * Windows Credential Manager, Secret Service or KWallet on Linux), so mining that starts at login needs no prompt.
 * Where no keychain works, {@link #available()} is false and {@link #status()} says the password will be asked.
 * Close it when done.
 */
public interface Keychain extends AutoCloseable {

    /** The service name entries are stored under. */
    String SERVICE = "QFC Desktop Miner";

    /** Whether an OS keychain answers on this computer. */
    boolean available();

    /** One line for the user: which keychain is used, or why none is and what happens instead. */
    String status();

    /** The remembered password of {@code account}, if any (the caller wipes it); empty where no keychain works. */
    Optional<char[]> password(String account);

    /** Remembers {@code password} for {@code account}; a {@link KeyFileException} with {@link #status()} if unavailable. */
    void remember(String account, char[] password);

    /** Forgets the password of {@code account}; nothing happens if none was remembered or no keychain works. */
    void forget(String account);

    @Override
    void close();

    /** The account name of a key file: its absolute, normalised path. */
    static String accountOf(java.nio.file.Path keyFile) {
        return "keystore:" + keyFile.toAbsolutePath().normalize();
    }
}
