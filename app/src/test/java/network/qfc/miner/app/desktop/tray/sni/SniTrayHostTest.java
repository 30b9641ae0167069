package network.qfc.miner.app.desktop.tray.sni;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.app.desktop.dbus.PrivateSessionBus;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.dbus.TestWatcher;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayInput;
import network.qfc.miner.app.desktop.tray.TrayView;
import network.qfc.miner.app.desktop.xvfb.Await;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The StatusNotifierItem tray on a real (private) session bus, seen from a test watcher as a panel sees it: the item
 * registers, its properties say what the tray shows, Activate and the menu's clicks reach the app's actions, and a
 * new state changes the icon with the signals hosts listen to.
 */
class SniTrayHostTest {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final TrayView IDLE = TrayView.of(new TrayInput(false, null, false, null, null, 0));
    private static final TrayView MINING = TrayView.of(new TrayInput(true, null, false, null, null, 3));

    /** What the tray asked the app to do, in order. */
    private static final class Recorded implements TrayHost.Actions {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void openWindow() {
            calls.add("open");
        }

        @Override
        public void toggleMining() {
            calls.add("toggle");
        }

        @Override
        public void togglePause() {
            calls.add("pause");
        }

        @Override
        public void quit() {
            calls.add("quit");
        }
    }

    @Test
    void theItemRegistersWithTheWatcherAndAHostReadsWhatTheTrayShows(@TempDir Path icons) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestWatcher watcher = TestWatcher.on(daemon);
             SessionBus appBus = daemon.connect()) {
            assertThat(SniTrayHost.available(appBus)).as("a watcher is on the bus").isTrue();
            SniTrayHost host = new SniTrayHost(appBus, icons, Runnable::run);
            Recorded actions = new Recorded();
            assertThat(host.install(IDLE, actions)).isTrue();
            Await.until("the item registered with the watcher", STEP, () -> !watcher.items().isEmpty(), watcher::toString);
            assertThat(watcher.items()).containsExactly(host.busName());
            assertThat(host.busName()).matches("org\\.kde\\.StatusNotifierItem-\\d+-1");

            Properties item = watcher.bus().connection().getRemoteObject(host.busName(), SniItem.PATH, Properties.class);
            Map<String, Variant<?>> p = item.GetAll(SniItem.INTERFACE);
            assertThat(p.get("Id").getValue()).isEqualTo("qfc-desktop-miner");
            assertThat(p.get("Title").getValue()).isEqualTo("QFC Desktop Miner");
            assertThat(p.get("Category").getValue()).isEqualTo("ApplicationStatus");
            assertThat(p.get("Status").getValue()).isEqualTo("Active");
            assertThat(p.get("IconName").getValue()).isEqualTo("qfc-desktop-miner-idle");
            assertThat(p.get("ItemIsMenu").getValue()).isEqualTo(false);
            assertThat(((DBusPath) p.get("Menu").getValue()).getPath()).isEqualTo("/MenuBar");
            assertThat(Path.of((String) p.get("IconThemePath").getValue()).resolve("qfc-desktop-miner-idle.png"))
                    .as("the named icon is where IconThemePath says").isRegularFile();
            assertThat(p.get("IconPixmap").getSig()).isEqualTo("a(iiay)");
            List<?> pixmaps = (List<?>) p.get("IconPixmap").getValue();
            assertThat(pixmaps).as("every shipped size: 16..96 px").hasSizeGreaterThanOrEqualTo(8);
            Object[] first = (Object[]) pixmaps.get(0);
            int w = (Integer) first[0];
            int h = (Integer) first[1];
            int bytes = first[2] instanceof byte[] b ? b.length : ((List<?>) first[2]).size();
            assertThat(bytes).as("ARGB32: 4 bytes a pixel").isEqualTo(w * h * 4);
            assertThat(w).isEqualTo(h).isGreaterThanOrEqualTo(16);
            Object[] tip = (Object[]) p.get("ToolTip").getValue();
            assertThat(tip[2]).isEqualTo("QFC Desktop Miner - Not mining");
            assertThat(tip[3]).isEqualTo("0 proofs accepted today");

            // a left click: Activate opens the window
            watcher.bus().connection().getRemoteObject(host.busName(), SniItem.PATH, StatusNotifierItem.class).Activate(10, 10);
            assertThat(actions.calls).containsExactly("open");
        }
    }

    @Test
    void theMenuShowsTheTraysItemsAndItsClicksReachTheApp(@TempDir Path icons) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestWatcher watcher = TestWatcher.on(daemon);
             SessionBus appBus = daemon.connect()) {
            SniTrayHost host = new SniTrayHost(appBus, icons, Runnable::run);
            Recorded actions = new Recorded();
            assertThat(host.install(IDLE, actions)).isTrue();
            DbusMenu menu = watcher.bus().connection().getRemoteObject(host.busName(), SniMenu.PATH, DbusMenu.class);

            DbusMenu.LayoutReply<UInt32, DbusMenu.MenuLayout> layout = menu.GetLayout(0, -1, List.of());
            assertThat(MenuHost.labels(menu)).containsExactly("_Open QFC Desktop Miner", "-", "_Start mining",
                    "_Pause for 1 hour", "-", "_Quit");
            assertThat(menu.GetProperty(SniMenu.PAUSE, "enabled").getValue()).as("nothing to pause while idle")
                    .isEqualTo(false);

            menu.Event(SniMenu.TOGGLE, "clicked", new Variant<>(0), new UInt32(0));
            menu.Event(SniMenu.PAUSE, "clicked", new Variant<>(0), new UInt32(0));
            menu.Event(SniMenu.OPEN, "hovered", new Variant<>(0), new UInt32(0));
            menu.Event(SniMenu.QUIT, "clicked", new Variant<>(0), new UInt32(0));
            assertThat(actions.calls).as("a disabled Pause and a hover do nothing").containsExactly("toggle", "quit");

            host.show(MINING);
            DbusMenu.LayoutReply<UInt32, DbusMenu.MenuLayout> after = menu.GetLayout(0, -1, List.of());
            assertThat(MenuHost.labels(menu)).contains("_Stop mining");
            assertThat(after.revision.longValue()).isGreaterThan(layout.revision.longValue());
            menu.Event(SniMenu.PAUSE, "clicked", new Variant<>(0), new UInt32(0));
            assertThat(actions.calls).endsWith("pause");
        }
    }

    @Test
    void aNewStateChangesTheIconAndSignalsIt(@TempDir Path icons) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestWatcher watcher = TestWatcher.on(daemon);
             SessionBus appBus = daemon.connect()) {
            SniTrayHost host = new SniTrayHost(appBus, icons, Runnable::run);
            assertThat(host.install(IDLE, new Recorded())).isTrue();
            List<String> signals = new CopyOnWriteArrayList<>();
            watcher.bus().connection().addSigHandler(StatusNotifierItem.NewIcon.class, s -> signals.add("NewIcon"));
            watcher.bus().connection().addSigHandler(StatusNotifierItem.NewToolTip.class, s -> signals.add("NewToolTip"));
            watcher.bus().connection().addSigHandler(StatusNotifierItem.NewStatus.class,
                    s -> signals.add("NewStatus " + s.status));
            Properties item = watcher.bus().connection().getRemoteObject(host.busName(), SniItem.PATH, Properties.class);

            host.show(MINING);
            Await.until("NewIcon after idle -> mining", STEP, () -> signals.contains("NewIcon"), signals::toString);
            assertThat(item.<String>Get(SniItem.INTERFACE, "IconName")).isEqualTo("qfc-desktop-miner-mining");
            Await.until("NewToolTip", STEP, () -> signals.contains("NewToolTip"), signals::toString);

            host.show(TrayView.of(new TrayInput(true, null, true, "2 h 5 min", null, 3)));
            Await.until("NewStatus NeedsAttention when jailed", STEP, () -> signals.contains("NewStatus NeedsAttention"),
                    signals::toString);
            assertThat(item.<String>Get(SniItem.INTERFACE, "IconName")).isEqualTo("qfc-desktop-miner-error");
            assertThat(item.<String>Get(SniItem.INTERFACE, "Status")).isEqualTo("NeedsAttention");

            int before = signals.size();
            host.show(TrayView.of(new TrayInput(true, null, true, "2 h 5 min", null, 3)));
            host.remove();
            assertThat(watcher.bus().hasOwner(host.busName())).as("the name is released on remove").isFalse();
            assertThat(signals).as("the same view again sends nothing").hasSize(before);
        }
    }

    @Test
    void aRestartedWatcherGetsTheItemAgain(@TempDir Path icons) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start(); SessionBus appBus = daemon.connect()) {
            SniTrayHost host = new SniTrayHost(appBus, icons, Runnable::run);
            try (TestWatcher first = TestWatcher.on(daemon)) {
                assertThat(host.install(IDLE, new Recorded())).isTrue();
                Await.until("the item registered", STEP, () -> first.items().contains(host.busName()), first::toString);
            }
            // the panel restarts (a crash, a log-in): its new watcher knows nothing of the item until it registers again
            try (TestWatcher second = TestWatcher.on(daemon)) {
                Await.until("the item registered with the new watcher", STEP,
                        () -> second.items().contains(host.busName()), () -> second.items().toString());
            }
        }
    }

    @Test
    void withoutAWatcherTheItemIsNotInstalled(@TempDir Path icons) throws Exception {
        try (PrivateSessionBus daemon = PrivateSessionBus.start(); SessionBus appBus = daemon.connect()) {
            assertThat(SniTrayHost.available(appBus)).isFalse();
            assertThat(new SniTrayHost(appBus, icons, Runnable::run).install(IDLE, new Recorded())).isFalse();
            assertThat(Files.list(icons)).as("nothing written").isEmpty();
        }
    }
}
