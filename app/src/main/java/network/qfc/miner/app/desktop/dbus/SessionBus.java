package network.qfc.miner.app.desktop.dbus;

import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop session's D-Bus (Linux and the BSDs), found as every desktop program finds it: through
 * {@code DBUS_SESSION_BUS_ADDRESS}. One connection serves the tray item and the notifications. Without that variable
 * (macOS, Windows, a bare SSH session) there is none, and nothing is started to make one.
 */
public final class SessionBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBus.class);
    public static final String ADDRESS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

    private final DBusConnection connection;
    private final DBus daemon;

    private SessionBus(DBusConnection connection) throws DBusException {
        this.connection = connection;
        this.daemon = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
    }

    /** The session bus named by {@code env}, connected; empty (logged) when there is none or it cannot be reached. */
    public static Optional<SessionBus> connect(Map<String, String> env) {
        String address = env.get(ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            // a private connection: dbus-java's shared one would outlive close() for other users in this process
            return Optional.of(new SessionBus(DBusConnectionBuilder.forAddress(address).withShared(false).build()));
        } catch (DBusException | RuntimeException e) {
            LOG.info("the desktop's session bus ({}) cannot be reached: {}", address.replaceAll(",guid=.*", ""), e.toString());
            return Optional.empty();
        }
    }

    /** Whether some program owns {@code name} on the bus (a tray watcher, a notification server). */
    public boolean hasOwner(String name) {
        try {
            return daemon.NameHasOwner(name);
        } catch (DBusExecutionException e) {
            LOG.info("cannot ask the session bus about {}: {}", name, e.getMessage());
            return false;
        }
    }

    /** Whether the bus would start a program for {@code name} on first use (a D-Bus activatable service). */
    public boolean isActivatable(String name) {
        try {
            return java.util.Arrays.asList(daemon.ListActivatableNames()).contains(name);
        } catch (DBusExecutionException e) {
            LOG.info("cannot ask the session bus for its activatable services: {}", e.getMessage());
            return false;
        }
    }

    public DBusConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
