package network.qfc.miner.app.desktop.xvfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Xvfb leg: the REAL app (a child JVM, GTK glass, the AWT tray) on a real X server, for what the headless Monocle
 * tests cannot show: the X window appears and goes, the tray icon is docked in a real tray host (trayer), clicks and
 * keys reach it, and the process lives or ends as a user expects. Windows are found by name and owner pid
 * ({@code _NET_WM_PID}); the miner's work is read from its journal. No window manager runs, so the window is closed
 * with Ctrl+W, which takes the close button's path.
 */
@Tag("xvfb")
class DesktopAppXvfbTest {
    private static final String TITLE = "^QFC Desktop Miner$";
    static final Duration START = Duration.ofSeconds(60);
    static final Duration MINING = Duration.ofSeconds(120);
    static final Duration STEP = Duration.ofSeconds(20);

    /**
     * With a tray host: the window and a tray icon docked in trayer; mining; the tray menu (by keyboard) stops and
     * starts it; Ctrl+W hides the window and the app keeps mining in the tray; a click on the icon brings the window
     * back; SIGTERM then ends the app with the miner stopped cleanly (no task left half-way in the journal).
     */
    @Test
    void withATrayHostClosingTheWindowKeepsMiningInTheTrayAndSigtermStopsTheMinerCleanly() throws Exception {
        Path home = DesktopProcess.newHome("tray");
        // the test counts proofs while other processes may load the machine (a CI runner): keep mining through it
        try (SettingsStore settings = new SettingsStore(home.resolve("config").resolve("settings.json"), Duration.ZERO)) {
            settings.update(AppSettings.defaults().withKeepMiningWhenBusy(true));
        }
        try (XDisplay x = XDisplay.start(true);
             DesktopProcess app = DesktopProcess.start(x, home, "--devnet")) {
            Supplier<String> why = app::diagnostics;
            long main = awaitMainWindow(x, app, why);
            Await.until("a tray icon of the app docked in trayer's panel", STEP, () -> trayIcon(x, app).isPresent(), why);
            long icon = trayIcon(x, app).orElseThrow();
            Await.until("the miner registered with the devnet", START, () -> app.events("registered") > 0, why);

            // the tray's menu by keyboard: Open, Stop mining, Pause for 1 hour, Quit (separators are skipped)
            chooseSecondTrayItem(x, icon, why);
            Await.until("mining stopped from the tray menu", STEP, () -> app.events("stopped") == 1, why);
            assertThat(app.lastEvent()).isEqualTo("stopped: stopped by you");
            long registered = app.events("registered");
            chooseSecondTrayItem(x, icon, why); // now "Start mining"
            Await.until("mining started again from the tray menu", START, () -> app.events("registered") > registered, why);

            x.focus(main);
            x.key("ctrl+w");
            Await.until("no main window on screen after Ctrl+W", STEP, () -> visibleMainWindow(x, app).isEmpty(), why);
            assertThat(app.isAlive()).as("the app lives on in the tray").isTrue();
            assertThat(trayIcon(x, app)).as("the tray icon stays").isPresent();
            long acceptedWhenHidden = app.accepted();
            Await.until("more accepted proofs while the window is hidden (had " + acceptedWhenHidden + ")", MINING,
                    () -> app.accepted() > acceptedWhenHidden, why);
            assertThat(visibleMainWindow(x, app)).as("still hidden").isEmpty();

            x.click(icon, 1);
            Await.until("the main window back after a click on the tray icon", STEP,
                    () -> visibleMainWindow(x, app).isPresent(), why);

            app.terminate();
            Await.until("the app ended by SIGTERM", Duration.ofSeconds(60), () -> !app.isAlive(), why);
            assertThat(app.events("stopped")).as("the miner was stopped (the shutdown hook ran)\n" + app.diagnostics())
                    .isEqualTo(2);
            assertThat(app.lastEvent()).startsWith("stopped: ");
            assertThat(app.taskStates()).as("no task left between fetch and signature\n" + app.diagnostics())
                    .doesNotContainKeys("FETCHED", "INFERRED");
            assertThat(app.taskStates().get("ANSWERED")).isPositive();
        }
    }

    /**
     * Started as "Start at login" starts it ({@code --minimized}, the first run done, close to tray): no window, a tray
     * icon, and mining by itself (the setting "Start mining when the app starts", on by default). Ended by SIGTERM
     * (a log-out) while mining, it mines again at the next start even with that setting off.
     */
    @Test
    void startedAtLoginItMinesWithoutAWindowAndAfterALogOutItMinesAgain() throws Exception {
        Path home = DesktopProcess.newHome("login");
        try (SettingsStore settings = new SettingsStore(home.resolve("config").resolve("settings.json"), Duration.ZERO)) {
            settings.update(AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "").withFirstRunDone(true)
                    .withKeepMiningWhenBusy(true));
        }
        try (XDisplay x = XDisplay.start(true); DesktopProcess app = DesktopProcess.start(x, home, "--minimized")) {
            Supplier<String> why = app::diagnostics;
            Await.until("a tray icon of the app docked in trayer's panel", START, () -> trayIcon(x, app).isPresent(), why);
            Await.until("accepted proofs with no window shown", MINING, () -> app.accepted() > 0, why);
            assertThat(visibleMainWindow(x, app)).as("mining from the tray alone").isEmpty();
            app.terminate();
            Await.until("the app ended by SIGTERM", Duration.ofSeconds(60), () -> !app.isAlive(), why);
        }
        try (SettingsStore settings = new SettingsStore(home.resolve("config").resolve("settings.json"), Duration.ZERO)) {
            settings.update(settings.get().withStartMiningOnLaunch(false));
        }
        String firstNetwork = Files.readString(home.resolve("data").resolve("journals").resolve("current"));
        try (XDisplay x = XDisplay.start(true); DesktopProcess app = DesktopProcess.start(x, home, "--minimized")) {
            Supplier<String> why = app::diagnostics;
            // the embedded devnet starts afresh: a new network, whose journal becomes the current one
            Await.until("mining resumed after the log-out: accepted proofs on the new devnet", MINING,
                    () -> !firstNetwork.equals(currentNetwork(home)) && app.accepted() > 0, why);
            assertThat(visibleMainWindow(x, app)).isEmpty();
            app.terminate();
            Await.until("the app ended by SIGTERM", Duration.ofSeconds(60), () -> !app.isAlive(), why);
        }
    }

    private static String currentNetwork(Path home) {
        try {
            return Files.readString(home.resolve("data").resolve("journals").resolve("current"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** No tray host: closing the window while mining asks first (a dialog window), and OK quits, ending the process. */
    @Test
    void withoutATrayClosingTheWindowWhileMiningAsksAndQuitsNeverLeavingAnInvisibleProcess() throws Exception {
        try (XDisplay x = XDisplay.start(false);
             DesktopProcess app = DesktopProcess.start(x, DesktopProcess.newHome("no-tray"), "--devnet")) {
            Supplier<String> why = app::diagnostics;
            long main = awaitMainWindow(x, app, why);
            Await.until("the miner registered with the devnet", START, () -> app.events("registered") > 0, why);

            x.focus(main);
            x.key("ctrl+w");
            Await.until("a second window of the app (the quit question) or its exit", STEP,
                    () -> !app.isAlive() || questionWindow(x, app, main).isPresent(), why);
            assertThat(app.isAlive()).as("mining is on: the app asks before it quits\n" + app.diagnostics()).isTrue();
            long question = questionWindow(x, app, main).orElseThrow();
            assertThat(x.nameOf(question)).isEqualTo("Confirmation");
            assertThat(visibleMainWindow(x, app)).as("the window stays while the app asks").isPresent();

            x.focus(question);
            x.key("Return"); // OK is the default button
            Await.until("the app quit after OK", Duration.ofSeconds(60), () -> !app.isAlive(), why);
            assertThat(app.exitValue()).isZero();
            assertThat(app.lastEvent()).as("the miner was stopped before the app quit").startsWith("stopped: ");
            assertThat(app.taskStates()).doesNotContainKeys("FETCHED", "INFERRED");
        }
    }

    /** A tray host, "close button hides to tray" turned off, not mining: closing the window quits the app. */
    @Test
    void withTheCloseToTraySettingOffClosingTheWindowQuitsEvenWithATray() throws Exception {
        Path home = DesktopProcess.newHome("close-quits");
        try (SettingsStore settings = new SettingsStore(home.resolve("config").resolve("settings.json"), Duration.ZERO)) {
            settings.update(AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "").withFirstRunDone(true)
                    .withDesktop(false, false, false, AppSettings.ThemeChoice.LIGHT).withStartMiningOnLaunch(false));
        }
        assertThat(Files.readString(home.resolve("config").resolve("settings.json"))).contains("\"closeToTray\" : false");
        try (XDisplay x = XDisplay.start(true); DesktopProcess app = DesktopProcess.start(x, home)) {
            Supplier<String> why = app::diagnostics;
            long main = awaitMainWindow(x, app, why);
            Await.until("a tray icon of the app docked in trayer's panel", STEP, () -> trayIcon(x, app).isPresent(), why);

            x.focus(main);
            x.key("ctrl+w");
            Await.until("the app quit: its close button does not hide to the tray", STEP, () -> !app.isAlive(), why);
            assertThat(app.exitValue()).isZero();
        }
    }

    static long awaitMainWindow(XDisplay x, DesktopProcess app, Supplier<String> why) {
        Await.until("the main window \"QFC Desktop Miner\" of pid " + app.pid() + " on screen", START,
                () -> visibleMainWindow(x, app).isPresent(), why);
        return visibleMainWindow(x, app).orElseThrow();
    }

    static Optional<Long> visibleMainWindow(XDisplay x, DesktopProcess app) {
        return x.windowsNamed(TITLE).stream().filter(w -> ownedBy(x, app, w) && x.viewable(w)).findFirst();
    }

    /** A viewable window of the app docked below trayer's panel: the AWT tray icon. */
    static Optional<Long> trayIcon(XDisplay x, DesktopProcess app) {
        Optional<Long> panel = x.trayPanel();
        if (panel.isEmpty()) {
            return Optional.empty();
        }
        return x.descendants(panel.get()).stream().filter(w -> ownedBy(x, app, w) && x.viewable(w)).findFirst();
    }

    /** A viewable top-level window of the app other than the main one, with a name (a dialog). */
    private static Optional<Long> questionWindow(XDisplay x, DesktopProcess app, long main) {
        return x.windowsNamed(".").stream()
                .filter(w -> w != main && ownedBy(x, app, w) && x.viewable(w) && !x.nameOf(w).equals("QFC Desktop Miner")
                        && !x.nameOf(w).isBlank())
                .findFirst();
    }

    /** Right-click on the icon opens the AWT popup menu (a window); Down, Down, Return picks its second item. */
    private static void chooseSecondTrayItem(XDisplay x, long icon, Supplier<String> why) {
        x.click(icon, 3);
        Await.until("the tray's popup menu on screen", STEP, () -> !popupMenus(x, icon).isEmpty(), why);
        x.key("Down", "Down", "Return");
        Await.until("the tray's popup menu gone after Return", STEP, () -> popupMenus(x, icon).isEmpty(), why);
    }

    /**
     * The AWT popup menus on screen that the tray icon's X client made (they carry no {@code _NET_WM_PID}, but an X
     * server gives each client its own range of window ids: the bits above the resource mask, 0x1fffff here).
     */
    private static List<Long> popupMenus(XDisplay x, long icon) {
        return x.windowsNamed("PopupMenu").stream().filter(w -> w >>> 21 == icon >>> 21 && x.viewable(w)).toList();
    }

    private static boolean ownedBy(XDisplay x, DesktopProcess app, long window) {
        return x.pidOf(window).orElse(-1) == app.pid();
    }
}
