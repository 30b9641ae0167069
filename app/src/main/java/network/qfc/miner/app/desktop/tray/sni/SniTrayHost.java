package network.qfc.miner.app.desktop.tray.sni;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayImages;
import network.qfc.miner.app.desktop.tray.TrayView;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray as a StatusNotifierItem (freedesktop.org's successor of the XEmbed tray, which GNOME's AppIndicator
 * extension, KDE Plasma, XFCE and most Wayland panels show): an item and a D-Bus menu exported on the session bus and
 * registered with the desktop's {@code org.kde.StatusNotifierWatcher}; registered again when the watcher restarts (a
 * panel restart). No toolkit is involved: the D-Bus threads post clicks to the FX thread and never wait for it.
 */
public final class SniTrayHost implements TrayHost {
    private static final Logger LOG = LoggerFactory.getLogger(SniTrayHost.class);
    /** Where the item is exported, and its interface (for hosts' Properties calls). */
    public static final String ITEM_PATH = SniItem.PATH;
    public static final String ITEM_INTERFACE = SniItem.INTERFACE;
    /** Where the item's menu is exported. */
    public static final String MENU_PATH = SniMenu.PATH;

    private final SessionBus bus;
    private final Path iconDir;
    private final Consumer<Runnable> fxThread;
    private final String busName;
    private SniItem item;
    private SniMenu menu;
    private AutoCloseable watcherRestarts;

    /**
     * @param bus      the session bus
     * @param iconDir  where the named icons are written (under the app's data folder)
     * @param fxThread how a click reaches the FX thread ({@code Platform::runLater})
     */
    public SniTrayHost(SessionBus bus, Path iconDir, Consumer<Runnable> fxThread) {
        this.bus = bus;
        this.iconDir = iconDir;
        this.fxThread = fxThread;
        this.busName = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-1";
    }

    /** True when a StatusNotifierWatcher is on the bus: this desktop shows StatusNotifierItems. */
    public static boolean available(SessionBus bus) {
        return bus.hasOwner(StatusNotifierWatcher.BUS_NAME);
    }

    /**
     * The app's 48 px "mining" icon as a file under {@code iconDir}, for notifications: written with the tray's named
     * icons, so "" (no icon) when no StatusNotifierItem was installed.
     */
    public static String iconFile(Path iconDir) {
        Path file = iconDir.resolve(SniIcons.name(network.qfc.miner.app.desktop.tray.TrayState.MINING) + ".png");
        return java.nio.file.Files.isRegularFile(file) ? file.toAbsolutePath().toString() : "";
    }

    /** The item's well-known bus name ({@code org.kde.StatusNotifierItem-<pid>-1}). */
    public String busName() {
        return busName;
    }

    @Override
    public synchronized boolean install(TrayView initial, Actions actions) {
        if (!available(bus)) {
            return false;
        }
        SniIcons icons = SniIcons.load(TrayImages.panelIsDark(), iconDir).orElse(null);
        if (icons == null) {
            return false;
        }
        DBusConnection c = bus.connection();
        try {
            item = new SniItem(initial, icons, actions, fxThread);
            menu = new SniMenu(initial, actions, fxThread);
            c.exportObject(SniItem.PATH, item);
            c.exportObject(SniMenu.PATH, menu);
            c.requestBusName(busName);
            watcherRestarts = c.addSigHandler(DBus.NameOwnerChanged.class, s -> {
                if (StatusNotifierWatcher.BUS_NAME.equals(s.name) && !s.newOwner.isEmpty()) {
                    register();
                }
            });
            register();
            LOG.info("tray: a StatusNotifierItem ({}) registered with the desktop's watcher", busName);
            return true;
        } catch (DBusException | DBusExecutionException e) {
            LOG.warn("the desktop's StatusNotifierWatcher did not take the tray item: {}", e.getMessage());
            remove();
            return false;
        }
    }

    private void register() {
        try {
            bus.connection().getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.OBJECT_PATH,
                    StatusNotifierWatcher.class).RegisterStatusNotifierItem(busName);
        } catch (DBusException | DBusExecutionException e) {
            LOG.warn("tray: the StatusNotifierWatcher refused the item: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void show(TrayView view) {
        if (item == null || view.equals(item.view())) {
            return;
        }
        TrayView old = item.view();
        item.view(view);
        List<DbusMenu.ItemProperties> changed = menu.show(view);
        try {
            DBusConnection c = bus.connection();
            if (old.state() != view.state()) {
                c.sendMessage(new StatusNotifierItem.NewIcon(SniItem.PATH));
                if (!SniItem.status(old.state()).equals(SniItem.status(view.state()))) {
                    c.sendMessage(new StatusNotifierItem.NewStatus(SniItem.PATH, SniItem.status(view.state())));
                }
            }
            if (!old.tooltip().equals(view.tooltip())) {
                c.sendMessage(new StatusNotifierItem.NewToolTip(SniItem.PATH));
            }
            if (!changed.isEmpty()) {
                c.sendMessage(new DbusMenu.ItemsPropertiesUpdated(SniMenu.PATH, changed, List.of()));
                c.sendMessage(new DbusMenu.LayoutUpdated(SniMenu.PATH, new UInt32(menu.revision()), SniMenu.ROOT));
            }
        } catch (DBusException e) {
            LOG.debug("tray: a change signal could not be sent", e);
        }
    }

    /** A StatusNotifierItem has no balloon: notifications go to the desktop's notification server instead. */
    @Override
    public void notify(String title, String message, boolean warning) {
    }

    @Override
    public synchronized void remove() {
        DBusConnection c = bus.connection();
        if (watcherRestarts != null) {
            try {
                watcherRestarts.close();
            } catch (Exception e) {
                LOG.debug("tray: the watcher handler could not be removed", e);
            }
            watcherRestarts = null;
        }
        if (item != null) {
            c.unExportObject(SniItem.PATH);
            c.unExportObject(SniMenu.PATH);
            try {
                c.releaseBusName(busName);
            } catch (DBusException | DBusExecutionException e) {
                LOG.debug("tray: the bus name was not held", e);
            }
            item = null;
            menu = null;
        }
    }
}
