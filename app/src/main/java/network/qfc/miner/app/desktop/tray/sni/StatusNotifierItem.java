package network.qfc.miner.app.desktop.tray.sni;

import java.util.List;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * {@code org.kde.StatusNotifierItem}: the tray icon a desktop's StatusNotifierItem host (KDE Plasma, GNOME with the
 * AppIndicator extension, XFCE's tray, most Wayland panels) shows, as freedesktop.org's specification defines it. Its
 * properties are read through {@code org.freedesktop.DBus.Properties}; the methods are the host's clicks.
 */
@DBusInterfaceName("org.kde.StatusNotifierItem")
public interface StatusNotifierItem extends DBusInterface {

    /** A primary (usually left) click at screen point x, y: the app opens its window. */
    void Activate(int x, int y);

    /** A middle click. */
    void SecondaryActivate(int x, int y);

    /** A host that asks the item to show its own menu (the item has a D-Bus menu instead: nothing to do). */
    void ContextMenu(int x, int y);

    /** The mouse wheel over the icon. */
    void Scroll(int delta, String orientation);

    /** {@code a(iiay)}: one icon as ARGB32 pixels in network byte order. */
    final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] argb;

        public Pixmap(int width, int height, byte[] argb) {
            this.width = width;
            this.height = height;
            this.argb = argb;
        }
    }

    /** {@code (sa(iiay)ss)}: the tooltip: icon name, icon pixmaps, title and a text under it. */
    final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> pixmaps;
        @Position(2)
        public final String title;
        @Position(3)
        public final String text;

        public ToolTip(String iconName, List<Pixmap> pixmaps, String title, String text) {
            this.iconName = iconName;
            this.pixmaps = pixmaps;
            this.title = title;
            this.text = text;
        }
    }

    /** The icon changed: hosts read IconName and IconPixmap again. */
    final class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    /** The attention icon changed. */
    final class NewAttentionIcon extends DBusSignal {
        public NewAttentionIcon(String path) throws DBusException {
            super(path);
        }
    }

    /** The tooltip changed. */
    final class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }

    /** The status (Passive, Active, NeedsAttention) changed. */
    final class NewStatus extends DBusSignal {
        public final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }
    }
}
