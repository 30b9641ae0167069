package network.qfc.miner.app.desktop.tray.sni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayView;
import org.freedesktop.dbus.errors.UnknownInterface;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray item's menu over {@code com.canonical.dbusmenu}: Open, Start/Stop mining, Pause for 1 hour/Resume, Quit,
 * with mnemonics (the host draws it, so arrows, Enter, Esc and the underlined letters work as in its other menus). A
 * click arrives on a D-Bus thread and is posted to the FX thread; nothing waits for it.
 */
final class SniMenu implements DbusMenu, ReadOnlyProperties {
    static final String PATH = "/MenuBar";
    static final String INTERFACE = "com.canonical.dbusmenu";
    static final int ROOT = 0;
    static final int OPEN = 1;
    static final int TOGGLE = 3;
    static final int PAUSE = 4;
    static final int QUIT = 6;
    private static final int[] ITEMS = {OPEN, 2, TOGGLE, PAUSE, 5, QUIT};
    private static final String SEPARATOR = "separator";

    private final TrayHost.Actions actions;
    private final Consumer<Runnable> fxThread;
    private volatile TrayView view;
    private volatile int revision = 1;

    SniMenu(TrayView initial, TrayHost.Actions actions, Consumer<Runnable> fxThread) {
        this.view = initial;
        this.actions = actions;
        this.fxThread = fxThread;
    }

    /** Takes the new labels; answers the items whose properties changed (empty when none). */
    synchronized List<ItemProperties> show(TrayView next) {
        TrayView old = view;
        view = next;
        List<ItemProperties> changed = new ArrayList<>();
        for (int id : ITEMS) {
            Map<String, Variant<?>> now = properties(id, next);
            if (!now.equals(properties(id, old))) {
                changed.add(new ItemProperties(id, now));
            }
        }
        if (!changed.isEmpty()) {
            revision++;
        }
        return changed;
    }

    int revision() {
        return revision;
    }

    /** An item's properties as dbusmenu names them; the root says it has a submenu. */
    static Map<String, Variant<?>> properties(int id, TrayView v) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        switch (id) {
            case ROOT -> p.put("children-display", new Variant<>("submenu"));
            case OPEN -> item(p, "_Open QFC Desktop Miner", true);
            case TOGGLE -> item(p, mnemonic(v.toggleLabel()), true);
            case PAUSE -> item(p, mnemonic(v.pauseLabel()), v.pauseEnabled());
            case QUIT -> item(p, "_Quit", true);
            default -> p.put("type", new Variant<>(SEPARATOR));
        }
        return p;
    }

    private static void item(Map<String, Variant<?>> p, String label, boolean enabled) {
        p.put("label", new Variant<>(label));
        p.put("enabled", new Variant<>(enabled));
        p.put("visible", new Variant<>(true));
    }

    /** "Start mining" becomes "_Start mining": the first letter is the item's access key. */
    private static String mnemonic(String label) {
        return "_" + label.replace("_", "__");
    }

    private MenuLayout layout(int id, int depth, TrayView v) {
        List<Variant<?>> children = new ArrayList<>();
        if (id == ROOT && depth != 0) {
            for (int child : ITEMS) {
                children.add(new Variant<>(layout(child, depth - 1, v), "(ia{sv}av)"));
            }
        }
        return new MenuLayout(id, properties(id, v), children);
    }

    private static boolean known(int id) {
        if (id == ROOT) {
            return true;
        }
        for (int i : ITEMS) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    @Override
    public LayoutReply<UInt32, MenuLayout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
        if (!known(parentId)) {
            throw new org.freedesktop.dbus.errors.InvalidMethodArgument("no menu item " + parentId);
        }
        return new LayoutReply<>(new UInt32(revision), layout(parentId, recursionDepth, view));
    }

    @Override
    public List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        TrayView v = view;
        List<ItemProperties> out = new ArrayList<>();
        for (int id : ids.isEmpty() ? allIds() : ids) {
            if (known(id)) {
                Map<String, Variant<?>> p = properties(id, v);
                if (!propertyNames.isEmpty()) {
                    p.keySet().retainAll(propertyNames);
                }
                out.add(new ItemProperties(id, p));
            }
        }
        return out;
    }

    private static List<Integer> allIds() {
        List<Integer> all = new ArrayList<>(List.of(ROOT));
        for (int i : ITEMS) {
            all.add(i);
        }
        return all;
    }

    @Override
    public Variant<?> GetProperty(int id, String name) {
        Variant<?> p = known(id) ? properties(id, view).get(name) : null;
        if (p == null) {
            throw new UnknownProperty("menu item " + id + " has no property " + name);
        }
        return p;
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        if (!"clicked".equals(eventId)) {
            return;
        }
        TrayView v = view;
        Runnable action = switch (id) {
            case OPEN -> actions::openWindow;
            case TOGGLE -> actions::toggleMining;
            case PAUSE -> v.pauseEnabled() ? actions::togglePause : null;
            case QUIT -> actions::quit;
            default -> null;
        };
        if (action != null) {
            fxThread.accept(action);
        }
    }

    @Override
    public List<Integer> EventGroup(List<MenuEvent> events) {
        List<Integer> errors = new ArrayList<>();
        for (MenuEvent e : events) {
            if (known(e.id)) {
                Event(e.id, e.eventId, e.data, e.timestamp);
            } else {
                errors.add(e.id);
            }
        }
        return errors;
    }

    @Override
    public boolean AboutToShow(int id) {
        return false;
    }

    @Override
    public AboutToShowGroupReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
        return new AboutToShowGroupReply<>(List.of(), ids.stream().filter(id -> !known(id)).toList());
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        if (!INTERFACE.equals(interfaceName)) {
            throw new UnknownInterface("the menu has no interface " + interfaceName);
        }
        Map<String, Variant<?>> all = new LinkedHashMap<>();
        all.put("Version", new Variant<>(new UInt32(3)));
        all.put("TextDirection", new Variant<>("ltr"));
        all.put("Status", new Variant<>("normal"));
        all.put("IconThemePath", new Variant<>(new String[0]));
        return all;
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
