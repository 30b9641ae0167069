package network.qfc.miner.app.desktop.notifications;

import network.qfc.miner.app.desktop.tray.TrayHost;

/** Notifications as the AWT tray icon's balloon: Windows' toasts, macOS's notification, an XEmbed tray's bubble. */
final class BalloonNotifier implements Notifier {
    private final TrayHost tray;

    BalloonNotifier(TrayHost tray) {
        this.tray = tray;
    }

    @Override
    public void show(Notice notice) {
        tray.notify(notice.summary(), notice.body(), notice.warning());
    }

    @Override
    public String kind() {
        return "tray balloon";
    }
}
