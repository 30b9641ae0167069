package network.qfc.miner.app.desktop.mining;

/**
 * Mining started by itself (with the app, at login) and the key's password is neither remembered in the keychain
 * nor may it be asked for without a person there: the tray says "needs your password", and a click asks for it.
 */
public final class PasswordNeeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PasswordNeeded(String keyFile) {
        super("Mining needs your password: the password of " + keyFile + " is not remembered on this computer."
                + " Click Start mining to type it.");
    }
}
