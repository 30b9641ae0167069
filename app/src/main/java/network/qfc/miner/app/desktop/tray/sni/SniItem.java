package network.qfc.miner.app.desktop.tray.sni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayState;
import network.qfc.miner.app.desktop.tray.TrayView;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.errors.UnknownInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * The exported {@code org.kde.StatusNotifierItem}: its properties come from the current {@link TrayView}; a primary
 * click (Activate) opens the window, on the FX thread.
 */
final class SniItem implements StatusNotifierItem, ReadOnlyProperties {
    static final String PATH = "/StatusNotifierItem";
    static final String INTERFACE = "org.kde.StatusNotifierItem";
    static final String ID = "qfc-desktop-miner";
    static final String TITLE = "QFC Desktop Miner";
    private static final String PIXMAPS = "a(iiay)";

    private final SniIcons icons;
    private final TrayHost.Actions actions;
    private final Consumer<Runnable> fxThread;
    private volatile TrayView view;

    SniItem(TrayView initial, SniIcons icons, TrayHost.Actions actions, Consumer<Runnable> fxThread) {
        this.view = initial;
        this.icons = icons;
        this.actions = actions;
        this.fxThread = fxThread;
    }

    TrayView view() {
        return view;
    }

    void view(TrayView next) {
        view = next;
    }

    /** The specification's Status: NeedsAttention for a jail or an error, else Active (the icon stays in view). */
    static String status(TrayState s) {
        return s == TrayState.ERROR ? "NeedsAttention" : "Active";
    }

    @Override
    public void Activate(int x, int y) {
        fxThread.accept(actions::openWindow);
    }

    @Override
    public void SecondaryActivate(int x, int y) {
        fxThread.accept(actions::openWindow);
    }

    @Override
    public void ContextMenu(int x, int y) {
        // the menu is a D-Bus menu the host shows itself
    }

    @Override
    public void Scroll(int delta, String orientation) {
        // nothing to scroll
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        if (!INTERFACE.equals(interfaceName)) {
            throw new UnknownInterface("the tray item has no interface " + interfaceName);
        }
        TrayView v = view;
        TrayState s = v.state();
        String[] lines = v.tooltip().split("\n", 2);
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("Category", new Variant<>("ApplicationStatus"));
        p.put("Id", new Variant<>(ID));
        p.put("Title", new Variant<>(TITLE));
        p.put("Status", new Variant<>(status(s)));
        p.put("WindowId", new Variant<>(0));
        p.put("IconThemePath", new Variant<>(icons.themePath()));
        p.put("IconName", new Variant<>(SniIcons.name(s)));
        p.put("IconPixmap", new Variant<>(icons.pixmaps(s), PIXMAPS));
        p.put("OverlayIconName", new Variant<>(""));
        p.put("OverlayIconPixmap", new Variant<>(List.of(), PIXMAPS));
        p.put("AttentionIconName", new Variant<>(SniIcons.name(TrayState.ERROR)));
        p.put("AttentionIconPixmap", new Variant<>(icons.pixmaps(TrayState.ERROR), PIXMAPS));
        p.put("AttentionMovieName", new Variant<>(""));
        p.put("ToolTip", new Variant<>(new ToolTip(SniIcons.name(s), List.of(), lines[0], lines.length > 1 ? lines[1] : ""),
                "(sa(iiay)ss)"));
        p.put("ItemIsMenu", new Variant<>(false));
        p.put("Menu", new Variant<>(new DBusPath(SniMenu.PATH)));
        return p;
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
