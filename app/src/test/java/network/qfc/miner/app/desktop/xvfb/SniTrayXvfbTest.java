package network.qfc.miner.app.desktop.xvfb;

import static network.qfc.miner.app.desktop.xvfb.DesktopAppXvfbTest.START;
import static network.qfc.miner.app.desktop.xvfb.DesktopAppXvfbTest.STEP;
import static network.qfc.miner.app.desktop.xvfb.DesktopAppXvfbTest.awaitMainWindow;
import static network.qfc.miner.app.desktop.xvfb.DesktopAppXvfbTest.trayIcon;
import static network.qfc.miner.app.desktop.xvfb.DesktopAppXvfbTest.visibleMainWindow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import network.qfc.miner.app.desktop.dbus.PrivateSessionBus;
import network.qfc.miner.app.desktop.dbus.TestNotificationServer;
import network.qfc.miner.app.desktop.dbus.TestWatcher;
import network.qfc.miner.app.desktop.tray.sni.DbusMenu;
import network.qfc.miner.app.desktop.tray.sni.MenuHost;
import network.qfc.miner.app.desktop.tray.sni.SniTrayHost;
import network.qfc.miner.app.desktop.tray.sni.StatusNotifierItem;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The REAL app (a child JVM on Xvfb, mining its embedded devnet) on a private session bus, seen from a test
 * StatusNotifierWatcher as a panel sees it: the StatusNotifierItem is the tray it picks where a watcher runs; its icon
 * follows the miner; the D-Bus menu stops and starts mining; Activate brings the hidden window back; Quit ends the app.
 * With a bus but no watcher, the AWT tray (trayer) is used, as before.
 */
@Tag("xvfb")
class SniTrayXvfbTest {

    @Test
    void withAWatcherTheAppDocksAsAStatusNotifierItemWhoseMenuAndActivateDriveIt() throws Exception {
        try (XDisplay x = XDisplay.start(false);
             PrivateSessionBus bus = PrivateSessionBus.start();
             TestWatcher watcher = TestWatcher.on(bus);
             TestNotificationServer notifications = TestNotificationServer.on(bus);
             DesktopProcess app = DesktopProcess.start(x, DesktopProcess.newHome("sni"), bus.env(), "--devnet")) {
            Supplier<String> why = () -> app.diagnostics() + "\n  watcher items: " + watcher.items();
            long main = awaitMainWindow(x, app, why);
            String item = "org.kde.StatusNotifierItem-" + app.pid() + "-1";
            Await.until("the app's item registered with the watcher", STEP, () -> watcher.items().contains(item), why);
            Properties props = watcher.bus().connection().getRemoteObject(item, SniTrayHost.ITEM_PATH, Properties.class);
            assertThat(props.<String>Get(SniTrayHost.ITEM_INTERFACE, "Id")).isEqualTo("qfc-desktop-miner");
            Await.until("the miner registered with the devnet", START, () -> app.events("registered") > 0, why);
            Await.until("the icon says mining", STEP, () -> iconName(props).equals("qfc-desktop-miner-mining"), why);

            DbusMenu menu = watcher.bus().connection().getRemoteObject(item, SniTrayHost.MENU_PATH, DbusMenu.class);
            MenuHost.click(menu, "_Stop mining");
            Await.until("mining stopped from the D-Bus menu", STEP, () -> app.events("stopped") == 1, why);
            assertThat(app.lastEvent()).isEqualTo("stopped: stopped by you");
            Await.until("the icon says idle", STEP, () -> iconName(props).equals("qfc-desktop-miner-idle"), why);
            long registered = app.events("registered");
            MenuHost.click(menu, "_Start mining");
            Await.until("mining started again from the D-Bus menu", START, () -> app.events("registered") > registered, why);
            Await.until("the icon says mining again", STEP, () -> iconName(props).equals("qfc-desktop-miner-mining"), why);

            x.focus(main);
            x.key("ctrl+w");
            Await.until("the window hidden to the StatusNotifierItem after Ctrl+W", STEP,
                    () -> visibleMainWindow(x, app).isEmpty(), why);
            assertThat(app.isAlive()).as("the app lives on in the tray").isTrue();
            watcher.bus().connection().getRemoteObject(item, SniTrayHost.ITEM_PATH, StatusNotifierItem.class).Activate(0, 0);
            Await.until("the window back after Activate (a left click on the item)", STEP,
                    () -> visibleMainWindow(x, app).isPresent(), why);

            MenuHost.click(menu, "_Quit");
            Await.until("the app quit from the D-Bus menu", Duration.ofSeconds(60), () -> !app.isAlive(), why);
            assertThat(app.exitValue()).isZero();
            assertThat(app.taskStates()).doesNotContainKeys("FETCHED", "INFERRED");
            assertThat(notifications.shown()).as("nothing happened worth a notification").isEmpty();
        }
    }

    @Test
    void withABusButNoWatcherTheAwtTrayIsUsed() throws Exception {
        try (XDisplay x = XDisplay.start(true);
             PrivateSessionBus bus = PrivateSessionBus.start();
             DesktopProcess app = DesktopProcess.start(x, DesktopProcess.newHome("sni-none"), bus.env(), "--devnet")) {
            Supplier<String> why = app::diagnostics;
            awaitMainWindow(x, app, why);
            Await.until("the AWT tray icon docked in trayer's panel", STEP, () -> trayIcon(x, app).isPresent(), why);
            try (var look = bus.connect()) {
                assertThat(look.hasOwner("org.kde.StatusNotifierItem-" + app.pid() + "-1")).isFalse();
            }
        }
    }

    private static String iconName(Properties props) {
        return props.Get(SniTrayHost.ITEM_INTERFACE, "IconName");
    }
}
