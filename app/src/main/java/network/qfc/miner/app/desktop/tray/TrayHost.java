package network.qfc.miner.app.desktop.tray;

/**
 * A place for the app's icon in the desktop's tray. More than one kind exists (a StatusNotifierItem over D-Bus, the AWT
 * tray, none at all on GNOME without its AppIndicator extension), so the app asks {@link #install} and degrades when it
 * answers false ({@link FallbackTrayHost}): closing the window then quits or asks, never leaving an invisible process.
 */
public interface TrayHost {

    /** What the tray's menu asks the app to do. Called on the FX thread. */
    interface Actions {
        void openWindow();

        void toggleMining();

        void togglePause();

        void quit();
    }

    /** Puts the icon in the tray. False when this desktop has no tray the host can use. */
    boolean install(TrayView initial, Actions actions);

    /** Shows a new state; cheap when nothing changed. */
    void show(TrayView view);

    /** A desktop notification as the icon's balloon, where {@link #hasBalloons()}; otherwise nothing. */
    void notify(String title, String message, boolean warning);

    /** True when {@link #notify} shows something (the AWT tray's balloon); a StatusNotifierItem has none. */
    default boolean hasBalloons() {
        return false;
    }

    /** Takes the icon away. */
    void remove();

    /** No tray: what the app uses where none can be had. */
    TrayHost NONE = new TrayHost() {
        @Override
        public boolean install(TrayView initial, Actions actions) {
            return false;
        }

        @Override
        public void show(TrayView view) {
        }

        @Override
        public void notify(String title, String message, boolean warning) {
        }

        @Override
        public void remove() {
        }
    };
}
