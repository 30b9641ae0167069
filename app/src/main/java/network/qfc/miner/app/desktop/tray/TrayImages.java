package network.qfc.miner.app.desktop.tray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tray PNGs the build ships ({@code icons/generate.sh}), read from the class path for every kind of tray. */
public final class TrayImages {
    private static final Logger LOG = LoggerFactory.getLogger(TrayImages.class);

    private TrayImages() {
    }

    /** The icon at {@link TrayView#iconResource}'s path; null, logged, when it cannot be read. */
    public static BufferedImage load(String resource) {
        try (InputStream in = TrayImages.class.getResourceAsStream(resource)) {
            BufferedImage image = in == null ? null : ImageIO.read(in);
            if (image == null) {
                LOG.warn("the tray icon {} is missing from the application", resource);
            }
            return image;
        } catch (IOException e) {
            LOG.warn("the tray icon {} could not be read: {}", resource, e.toString());
            return null;
        }
    }

    /**
     * Whether the tray sits on a dark panel. macOS's menu bar and Windows' task bar follow the OS's dark mode; the
     * panels of GNOME, KDE and most other Linux desktops are dark whatever the theme.
     */
    public static boolean panelIsDark() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !(os.contains("mac") || os.contains("win")) || network.qfc.miner.app.desktop.Theme.systemPrefersDark();
    }
}
