package network.qfc.miner.app.desktop.notifications;

/**
 * Where desktop notifications go: the desktop's notification server (Linux), the tray icon's balloon (Windows, macOS,
 * a Linux desktop with only an XEmbed tray), or nowhere. The app uses exactly one, so nothing shows twice.
 */
public interface Notifier {

    /** Shows the notice without waiting for the desktop. */
    void show(Notice notice);

    /** What this is, for the log ("org.freedesktop.Notifications", "tray balloon", "none"). */
    String kind();

    /** No way to notify: notices are only logged. */
    Notifier NONE = new Notifier() {
        @Override
        public void show(Notice notice) {
        }

        @Override
        public String kind() {
            return "none";
        }
    };
}
