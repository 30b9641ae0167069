package network.qfc.miner.app.desktop.tray;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWT system tray. Every AWT call runs on the AWT event thread and every menu action is posted to the FX thread:
 * neither toolkit ever waits for the other (openjdk/jfx#1327).
 */
public final class AwtTrayHost implements TrayHost {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayHost.class);

    private final AtomicReference<TrayIcon> icon = new AtomicReference<>();
    private final Map<TrayState, BufferedImage> images = new EnumMap<>(TrayState.class);
    private MenuItem toggle;
    private MenuItem pause;
    private TrayView shown;

    /** True when this desktop offers an AWT tray (false headless, under plain Xvfb, on most Wayland sessions). */
    public static boolean available() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("no system tray: {}", e.toString());
            return false;
        }
    }

    @Override
    public boolean install(TrayView initial, Actions actions) {
        if (!available()) {
            return false;
        }
        AtomicReference<Boolean> ok = new AtomicReference<>(false);
        try {
            EventQueue.invokeAndWait(() -> ok.set(installOnAwtThread(initial, actions)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.warn("the tray icon could not be installed: {}", e.getCause().toString());
            return false;
        }
        return ok.get();
    }

    private boolean installOnAwtThread(TrayView initial, Actions actions) {
        SystemTray tray = SystemTray.getSystemTray();
        int size = Math.max(16, tray.getTrayIconSize().height);
        boolean darkPanel = TrayImages.panelIsDark();
        for (TrayState s : TrayState.values()) {
            BufferedImage image = TrayImages.load(TrayView.iconResource(s, size, darkPanel));
            if (image == null) {
                return false;
            }
            images.put(s, image);
        }
        PopupMenu menu = new PopupMenu();
        MenuItem open = new MenuItem("Open QFC Desktop Miner");
        open.addActionListener(e -> Platform.runLater(actions::openWindow));
        toggle = new MenuItem(initial.toggleLabel());
        toggle.addActionListener(e -> Platform.runLater(actions::toggleMining));
        pause = new MenuItem(initial.pauseLabel());
        pause.addActionListener(e -> Platform.runLater(actions::togglePause));
        MenuItem quit = new MenuItem("Quit");
        quit.addActionListener(e -> Platform.runLater(actions::quit));
        menu.add(open);
        menu.addSeparator();
        menu.add(toggle);
        menu.add(pause);
        menu.addSeparator();
        menu.add(quit);
        TrayIcon trayIcon = new TrayIcon(images.get(initial.state()), initial.tooltip(), menu);
        trayIcon.setImageAutoSize(true);
        trayIcon.addActionListener(e -> Platform.runLater(actions::openWindow));
        try {
            tray.add(trayIcon);
        } catch (AWTException e) {
            LOG.warn("the desktop refused the tray icon: {}", e.getMessage());
            return false;
        }
        icon.set(trayIcon);
        apply(initial);
        return true;
    }

    @Override
    public void show(TrayView view) {
        if (icon.get() != null) {
            EventQueue.invokeLater(() -> apply(view));
        }
    }

    private void apply(TrayView view) {
        TrayIcon trayIcon = icon.get();
        if (trayIcon == null || view.equals(shown)) {
            return;
        }
        if (shown == null || shown.state() != view.state()) {
            trayIcon.setImage(images.get(view.state()));
        }
        trayIcon.setToolTip(view.tooltip());
        toggle.setLabel(view.toggleLabel());
        pause.setLabel(view.pauseLabel());
        pause.setEnabled(view.pauseEnabled());
        shown = view;
    }

    @Override
    public boolean hasBalloons() {
        return icon.get() != null;
    }

    @Override
    public void notify(String title, String message, boolean warning) {
        TrayIcon trayIcon = icon.get();
        if (trayIcon != null) {
            EventQueue.invokeLater(() -> trayIcon.displayMessage(title, message,
                    warning ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO));
        }
    }

    @Override
    public void remove() {
        TrayIcon trayIcon = icon.getAndSet(null);
        if (trayIcon != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(trayIcon));
        }
    }
}
