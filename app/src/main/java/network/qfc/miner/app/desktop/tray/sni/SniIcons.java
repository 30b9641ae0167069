package network.qfc.miner.app.desktop.tray.sni;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import network.qfc.miner.app.desktop.tray.TrayImages;
import network.qfc.miner.app.desktop.tray.TrayState;
import network.qfc.miner.app.desktop.tray.TrayView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray's icons in the two forms a StatusNotifierItem host takes: ARGB32 pixmaps of every shipped size (hosts pick
 * the one nearest their slot), and a name ({@code qfc-desktop-miner-mining}, ...) found in an icon folder this class
 * fills from the same PNGs (the item's {@code IconThemePath}), for hosts that prefer names.
 */
final class SniIcons {
    private static final Logger LOG = LoggerFactory.getLogger(SniIcons.class);
    static final String NAME_PREFIX = "qfc-desktop-miner-";

    private final Map<TrayState, List<StatusNotifierItem.Pixmap>> pixmaps;
    private final String themePath;

    private SniIcons(Map<TrayState, List<StatusNotifierItem.Pixmap>> pixmaps, String themePath) {
        this.pixmaps = pixmaps;
        this.themePath = themePath;
    }

    /** Loads every state's icons for a panel of this darkness; writes the named copies under {@code iconDir}. */
    static Optional<SniIcons> load(boolean darkPanel, Path iconDir) {
        Map<TrayState, List<StatusNotifierItem.Pixmap>> all = new EnumMap<>(TrayState.class);
        TreeSet<Integer> slots = new TreeSet<>();
        for (int size : TrayView.iconSizes()) {
            slots.add(size);
            slots.add(size * 2);
        }
        for (TrayState s : TrayState.values()) {
            List<StatusNotifierItem.Pixmap> list = new ArrayList<>();
            TreeSet<String> seen = new TreeSet<>();
            for (int slot : slots) {
                String resource = TrayView.iconResource(s, slot, darkPanel);
                if (!seen.add(resource)) {
                    continue;
                }
                BufferedImage image = TrayImages.load(resource);
                if (image == null) {
                    return Optional.empty();
                }
                list.add(pixmap(image));
            }
            all.put(s, List.copyOf(list));
        }
        return Optional.of(new SniIcons(all, writeNamed(darkPanel, iconDir)));
    }

    /** ARGB32 in network byte order, row by row, as the specification asks. */
    static StatusNotifierItem.Pixmap pixmap(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ByteBuffer bytes = ByteBuffer.allocate(w * h * 4); // big-endian
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bytes.putInt(image.getRGB(x, y));
            }
        }
        return new StatusNotifierItem.Pixmap(w, h, bytes.array());
    }

    /** The 48 px icons as {@code <dir>/qfc-desktop-miner-<state>.png}; the folder, or "" when it cannot be written. */
    private static String writeNamed(boolean darkPanel, Path dir) {
        try {
            Files.createDirectories(dir);
            for (TrayState s : TrayState.values()) {
                try (InputStream in = TrayImages.class.getResourceAsStream(TrayView.iconResource(s, 48, darkPanel))) {
                    if (in != null) {
                        Files.copy(in, dir.resolve(name(s) + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir.toAbsolutePath().toString();
        } catch (IOException e) {
            LOG.info("the tray's named icons could not be written to {} (hosts use the pixmaps): {}", dir, e.toString());
            return "";
        }
    }

    static String name(TrayState s) {
        return NAME_PREFIX + s.name().toLowerCase(Locale.ROOT);
    }

    List<StatusNotifierItem.Pixmap> pixmaps(TrayState s) {
        return pixmaps.get(s);
    }

    String themePath() {
        return themePath;
    }
}
