package network.qfc.miner.app.desktop.dbus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.app.desktop.tray.sni.StatusNotifierWatcher;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * A StatusNotifierWatcher as a desktop's panel runs one: owns {@code org.kde.StatusNotifierWatcher}, records the items
 * that register, says a host is registered. On its own connection, so the app's item is a stranger to it.
 */
public final class TestWatcher extends TestService implements StatusNotifierWatcher, Properties {
    private final List<String> items = new CopyOnWriteArrayList<>();

    private TestWatcher() {
    }

    public static TestWatcher on(PrivateSessionBus daemon) throws DBusException {
        TestWatcher w = new TestWatcher();
        w.serveOn(daemon, BUS_NAME);
        return w;
    }

    /** The services that registered, in order. */
    public List<String> items() {
        return List.copyOf(items);
    }


    @Override
    public void RegisterStatusNotifierItem(String service) {
        items.add(service);
    }

    @Override
    public void RegisterStatusNotifierHost(String service) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String interfaceName, String propertyName) {
        return (A) GetAll(interfaceName).get(propertyName);
    }

    @Override
    public <A> void Set(String interfaceName, String propertyName, A value) {
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        return Map.of("RegisteredStatusNotifierItems", new Variant<>(items.toArray(new String[0])),
                "IsStatusNotifierHostRegistered", new Variant<>(true),
                "ProtocolVersion", new Variant<>(0));
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

}
