package network.qfc.miner.core.keys;

/**
 * A key file could not be read, written or decrypted. The message says which file, what is wrong and what to do;
 * it never holds a secret (seed or password), and no secret-bearing exception is ever attached as its cause.
 */
public final class KeyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
