package network.qfc.miner.app.desktop.tray.sni;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * {@code org.kde.StatusNotifierWatcher} at {@code /StatusNotifierWatcher}: the desktop's registry of tray items. Its
 * presence on the session bus is what says "this desktop shows StatusNotifierItems".
 */
@DBusInterfaceName("org.kde.StatusNotifierWatcher")
public interface StatusNotifierWatcher extends DBusInterface {
    String BUS_NAME = "org.kde.StatusNotifierWatcher";
    String OBJECT_PATH = "/StatusNotifierWatcher";

    /** An item announces itself by its bus name (or object path). */
    void RegisterStatusNotifierItem(String service);

    /** A host (a panel) announces itself. */
    void RegisterStatusNotifierHost(String service);

    /** Emitted by the watcher when an item registered. */
    final class StatusNotifierItemRegistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemRegistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    /** Emitted by the watcher when an item went away. */
    final class StatusNotifierItemUnregistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemUnregistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    /** Emitted by the watcher when a host registered. */
    final class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }
}
