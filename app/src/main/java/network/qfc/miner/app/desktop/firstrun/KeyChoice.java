package network.qfc.miner.app.desktop.firstrun;

/** Where the validator key comes from in setup. */
public enum KeyChoice {
    CREATE("Create a new key"),
    IMPORT_SECRET("Import a secret key (64 hex characters)"),
    IMPORT_FILE("Import an encrypted key file");

    private final String label;

    KeyChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
