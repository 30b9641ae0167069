package network.qfc.miner.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import network.qfc.miner.app.settings.AppSettings.ThemeChoice;

/** AtlantaFX Primer light/dark, following the operating system unless the user chose one. */
public final class Theme {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private Theme() {
    }

    /** Applies the theme to the whole application and marks {@code scene}'s root {@code :dark} when dark. */
    public static boolean apply(ThemeChoice choice, Scene scene) {
        boolean dark = switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemPrefersDark();
        };
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK, dark);
        }
        return dark;
    }

    /**
     * Whether the OS is in dark mode. JavaFX 21 has no API for it, so ask the OS: macOS {@code AppleInterfaceStyle},
     * Windows {@code AppsUseLightTheme}, GNOME {@code color-scheme}. Anything unknown is light.
     */
    public static boolean systemPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("win")) {
            String out = ask(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            return out.contains("0x0");
        }
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    private static String ask(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "";
                }
                return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
