package network.qfc.miner.app.desktop.tray;

/** What the tray icon's look says about the miner. */
public enum TrayState {
    IDLE("Not mining"),
    MINING("Mining"),
    PAUSED("Paused"),
    ERROR("Needs attention");

    private final String label;

    TrayState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
