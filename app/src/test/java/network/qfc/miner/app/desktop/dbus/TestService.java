package network.qfc.miner.app.desktop.dbus;

import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** A desktop service the tests run on a {@link PrivateSessionBus}, on a connection of its own (closed with it). */
abstract class TestService implements AutoCloseable {
    private SessionBus bus;

    /**
     * Exports this service and takes {@code busName}. (This class is no D-Bus interface itself: dbus-java would try to
     * export its methods.)
     */
    final void serveOn(PrivateSessionBus daemon, String busName) throws DBusException {
        bus = daemon.serve(busName, (DBusInterface) this);
    }

    /** The service's own connection (to call others as it would). */
    public SessionBus bus() {
        return bus;
    }

    @Override
    public void close() {
        bus.close();
    }
}
