package network.qfc.miner.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import network.qfc.miner.app.desktop.dbus.PrivateSessionBus;
import network.qfc.miner.app.desktop.dbus.SessionBus;
import network.qfc.miner.app.desktop.dbus.TestWatcher;
import network.qfc.miner.app.desktop.mining.DesktopGovernor;
import network.qfc.miner.app.desktop.mining.DevnetMining;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.notifications.MinerNotices;
import network.qfc.miner.app.desktop.tray.sni.DbusMenu;
import network.qfc.miner.app.desktop.tray.sni.MenuHost;
import network.qfc.miner.app.desktop.tray.sni.SniTrayHost;
import network.qfc.miner.app.desktop.xvfb.Await;
import network.qfc.miner.app.settings.AppSettings;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray presenter driving a StatusNotifierItem in this JVM, with the app's real mining control against its embedded
 * devnet: the D-Bus menu's clicks start mining (proofs accepted), pause it for an hour and stop it, and the item's icon
 * and menu follow each change, as a panel on the bus sees them.
 */
class TrayPresenterSniTest {
    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    void theDbusMenuStartsPausesAndStopsRealMiningAndTheIconFollows(@TempDir Path home) throws Exception {
        MiningControl mining = DevnetMining.control(home);
        AtomicInteger opened = new AtomicInteger();
        try (PrivateSessionBus daemon = PrivateSessionBus.start();
             TestWatcher watcher = TestWatcher.on(daemon);
             SessionBus appBus = daemon.connect();
             MinerNotices notices = new MinerNotices()) {
            DesktopGovernor governor = new DesktopGovernor(mining.services().governor(),
                    AppSettings.defaults().withKeepMiningWhenBusy(true), Clock.systemUTC());
            SniTrayHost host = new SniTrayHost(appBus, home.resolve("icons"), Runnable::run);
            try (TrayPresenter tray = TrayPresenter.install(host, mining, governor,
                    new TrayPresenter.Actions(opened::incrementAndGet, () -> { }), notices)) {
                assertThat(tray.installed()).isTrue();
                Properties item = watcher.bus().connection().getRemoteObject(host.busName(), SniTrayHost.ITEM_PATH,
                        Properties.class);
                DbusMenu menu = watcher.bus().connection().getRemoteObject(host.busName(), SniTrayHost.MENU_PATH,
                        DbusMenu.class);
                assertThat(icon(item)).isEqualTo("qfc-desktop-miner-idle");

                MenuHost.click(menu, "_Start mining");
                Await.until("proofs accepted after Start mining in the tray's menu", Duration.ofSeconds(120),
                        () -> mining.current().map(r -> r.snapshot().counters().accepted() > 0).orElse(false),
                        () -> String.valueOf(mining.current().map(r -> r.snapshot())));
                Await.until("the mining icon", STEP, () -> icon(item).equals("qfc-desktop-miner-mining"), () -> icon(item));
                Await.until("the tooltip counts today's proofs", STEP,
                        () -> !tooltipText(item).startsWith("0 proofs"), () -> tooltipText(item));

                MenuHost.click(menu, "_Pause for 1 hour");
                Await.until("the paused icon", STEP, () -> icon(item).equals("qfc-desktop-miner-paused"), () -> icon(item));
                assertThat(governor.pausedByHand()).isTrue();
                Await.until("the menu offers Resume", STEP, () -> MenuHost.labels(menu).contains("_Resume"), () -> MenuHost.labels(menu).toString());
                MenuHost.click(menu, "_Resume");
                Await.until("mining again", STEP, () -> icon(item).equals("qfc-desktop-miner-mining"), () -> icon(item));

                MenuHost.click(menu, "_Stop mining");
                Await.until("mining stopped from the tray's menu", Duration.ofSeconds(60), () -> !mining.isMining(),
                        () -> String.valueOf(mining.current().map(r -> r.snapshot().state())));
                Await.until("the idle icon", STEP, () -> icon(item).equals("qfc-desktop-miner-idle"), () -> icon(item));
                assertThat(MenuHost.labels(menu)).contains("_Start mining");
                MenuHost.click(menu, "_Open QFC Desktop Miner");
                assertThat(opened).hasValue(1);
            }
        } finally {
            mining.close();
        }
    }

    private static String icon(Properties item) {
        return item.Get(SniTrayHost.ITEM_INTERFACE, "IconName");
    }

    private static String tooltipText(Properties item) {
        Object[] tip = item.Get(SniTrayHost.ITEM_INTERFACE, "ToolTip");
        return (String) tip[3];
    }
}
