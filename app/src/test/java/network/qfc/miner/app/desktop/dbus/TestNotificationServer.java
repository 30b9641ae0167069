package network.qfc.miner.app.desktop.dbus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.app.desktop.notifications.FreedesktopNotifications;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** A notification server as a desktop runs one: owns {@code org.freedesktop.Notifications}, records what it is shown. */
public final class TestNotificationServer extends TestService implements FreedesktopNotifications {
    /** One notification as the server received it. */
    public record Shown(String appName, String appIcon, String summary, String body, int urgency) {
    }

    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private TestNotificationServer() {
    }

    public static TestNotificationServer on(PrivateSessionBus daemon) throws DBusException {
        TestNotificationServer s = new TestNotificationServer();
        s.serveOn(daemon, BUS_NAME);
        return s;
    }

    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        Variant<?> urgency = hints.get("urgency");
        shown.add(new Shown(appName, appIcon, summary, body,
                urgency == null ? -1 : ((Number) urgency.getValue()).intValue()));
        return new UInt32(ids.incrementAndGet());
    }

    @Override
    public List<String> GetCapabilities() {
        return List.of("body");
    }

    @Override
    public void CloseNotification(UInt32 id) {
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

}
