package network.qfc.miner.app.desktop.notifications;

import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.tray.TrayHost;

/**
 * Picks the one way this desktop shows notifications. Linux and the BSDs: the desktop's notification server when the
 * session bus has one (it works with any tray or none), else the tray icon's balloon when an AWT tray is installed.
 * Windows and macOS: the AWT tray's balloon (a toast, a notification), as before. Otherwise none.
 */
public final class NotifierChoice {
    private NotifierChoice() {
    }

    /**
     * @param osName        {@code os.name}
     * @param bus           the session bus, if any
     * @param tray          the tray host in use
     * @param trayInstalled whether its icon really went into the tray
     * @param appIcon       the icon for D-Bus notifications (a name or an absolute path)
     */
    public static Notifier choose(String osName, Optional<SessionBus> bus, TrayHost tray, boolean trayInstalled,
            String appIcon) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean macOrWindows = os.contains("mac") || os.contains("win");
        if (!macOrWindows && bus.isPresent() && DesktopNotifier.available(bus.get())) {
            return new DesktopNotifier(bus.get(), appIcon);
        }
        if (trayInstalled && tray.hasBalloons()) {
            return new BalloonNotifier(tray);
        }
        return Notifier.NONE;
    }
}
