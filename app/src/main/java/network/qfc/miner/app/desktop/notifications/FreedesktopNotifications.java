package network.qfc.miner.app.desktop.notifications;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code org.freedesktop.Notifications} at {@code /org/freedesktop/Notifications}: the desktop's notification
 * server (GNOME Shell, Plasma, xfce4-notifyd, dunst, mako), per the Desktop Notifications Specification.
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    /** Shows a notification; answers its id. {@code expireTimeout} -1: the server's default. */
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
            Map<String, Variant<?>> hints, int expireTimeout);

    /** What the server can show ("body", "body-markup", "actions", ...). */
    List<String> GetCapabilities();

    /** Closes a notification. */
    void CloseNotification(UInt32 id);
}
