package network.qfc.miner.app.desktop.tray.sni;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** What a StatusNotifierItem host does with an item's D-Bus menu: reads its labels and clicks an item by its label. */
public final class MenuHost {
    private MenuHost() {
    }

    /** The top level's labels in order, "-" for a separator. */
    public static List<String> labels(DbusMenu menu) {
        return menu.GetLayout(0, -1, List.of()).layout.children.stream()
                .map(v -> {
                    Map<String, Variant<?>> p = properties(v);
                    return p.containsKey("label") ? (String) p.get("label").getValue() : "-";
                }).toList();
    }

    /** Sends "clicked" for the item labelled {@code label}, as a host does when the user picks it. */
    public static void click(DbusMenu menu, String label) {
        for (Variant<?> v : menu.GetLayout(0, -1, List.of()).layout.children) {
            Map<String, Variant<?>> p = properties(v);
            if (p.containsKey("label") && label.equals(p.get("label").getValue())) {
                menu.Event((Integer) ((Object[]) v.getValue())[0], "clicked", new Variant<>(0),
                        new UInt32(System.currentTimeMillis() / 1000));
                return;
            }
        }
        throw new AssertionError("no menu item " + label + " in " + labels(menu));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Variant<?>> properties(Variant<?> child) {
        return (Map<String, Variant<?>>) ((Object[]) child.getValue())[1];
    }
}
