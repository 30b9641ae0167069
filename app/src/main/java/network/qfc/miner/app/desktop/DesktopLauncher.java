package network.qfc.miner.app.desktop;

import java.awt.Toolkit;
import java.util.Locale;
import javafx.application.Application;

/**
 * Starts the JavaFX app. A class of its own so that {@code Main} never loads JavaFX for a headless command, and so
 * the {@link Application} subclass is not the main class (JavaFX on the class path requires that).
 */
public final class DesktopLauncher {
    private static volatile DesktopOptions options = DesktopOptions.DEFAULT;

    private DesktopLauncher() {
    }

    /** The options of the running desktop app (read by {@link DesktopApp#init()}). */
    static DesktopOptions options() {
        return options;
    }

    /** Opens the window and returns when the app quits: 0, or 1 when no display is there to open it on. */
    public static int launch(DesktopOptions launchOptions) {
        String missing = missingDisplay();
        if (missing != null) {
            System.err.println("error: " + missing);
            return 1;
        }
        options = launchOptions;
        // The desktop logs to a rolling file and the Logs page; headless commands keep logback.xml (stderr, WARN).
        network.qfc.miner.app.desktop.logs.DesktopLogging.install(network.qfc.miner.core.AppDirectories.forThisProcess().logs());
        if (!Boolean.getBoolean("java.awt.headless")) {
            // The AWT toolkit must exist before JavaFX starts, or the tray and JavaFX deadlock (platform-notes.md).
            Toolkit.getDefaultToolkit();
        }
        Application.launch(DesktopApp.class);
        return 0;
    }

    /** Why no window can be shown here, or null when one can. */
    static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean unixDesktop = !os.contains("win") && !os.contains("mac");
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (unixDesktop && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return "no display to open the desktop app on (DISPLAY and WAYLAND_DISPLAY are not set). "
                    + "On a server, mine headless: qfc-desktop-miner mine --devnet (or --rpc URL). See --help.";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
