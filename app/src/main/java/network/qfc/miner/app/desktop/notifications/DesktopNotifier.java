package network.qfc.miner.app.desktop.notifications;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the desktop's {@code org.freedesktop.Notifications} server: they appear whether or not the
 * desktop has a tray (GNOME without the AppIndicator extension, Wayland). The D-Bus call runs on its own thread, so
 * whoever raises a notice never waits for the desktop.
 */
public final class DesktopNotifier implements Notifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    static final String APP_NAME = "QFC Desktop Miner";

    private final SessionBus bus;
    private final String appIcon;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qfc-notifications");
        t.setDaemon(true);
        return t;
    });

    /** @param appIcon an icon name or an absolute file path for the notification ("" for none) */
    public DesktopNotifier(SessionBus bus, String appIcon) {
        this.bus = bus;
        this.appIcon = appIcon;
    }

    /** True when a notification server runs on the bus, or the bus can start one (a D-Bus activatable service). */
    public static boolean available(SessionBus bus) {
        return bus.hasOwner(FreedesktopNotifications.BUS_NAME) || bus.isActivatable(FreedesktopNotifications.BUS_NAME);
    }

    @Override
    public void show(Notice notice) {
        sender.execute(() -> {
            try {
                FreedesktopNotifications server = bus.connection().getRemoteObject(FreedesktopNotifications.BUS_NAME,
                        FreedesktopNotifications.OBJECT_PATH, FreedesktopNotifications.class);
                server.Notify(APP_NAME, new UInt32(0), appIcon, notice.summary(), escaped(notice.body()), List.of(),
                        Map.of("urgency", new Variant<>((byte) (notice.warning() ? 2 : 1)),
                                "desktop-entry", new Variant<>("qfc-desktop-miner")),
                        -1);
            } catch (DBusException | DBusExecutionException e) {
                LOG.warn("the desktop did not take the notification \"{}\": {}", notice.summary(), e.getMessage());
            }
        });
    }

    /** Servers that show markup read the body as a small HTML subset: its special characters are escaped. */
    static String escaped(String body) {
        return body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String kind() {
        return FreedesktopNotifications.BUS_NAME;
    }

    @Override
    public void close() {
        // notices already raised still go out (a jail just before quitting), for at most a few seconds
        sender.shutdown();
        try {
            sender.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
