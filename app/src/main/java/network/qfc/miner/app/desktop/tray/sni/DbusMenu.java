package network.qfc.miner.app.desktop.tray.sni;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code com.canonical.dbusmenu}: the tray item's menu, which the host draws itself (so it follows the desktop's theme,
 * keyboard navigation and screen reader) and reports clicks on with {@link #Event}.
 */
@DBusInterfaceName("com.canonical.dbusmenu")
public interface DbusMenu extends DBusInterface {

    /** The layout below {@code parentId}, {@code recursionDepth} levels deep (-1: all). */
    LayoutReply<UInt32, MenuLayout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    /** The properties of several items. */
    List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    /** One property of one item. */
    Variant<?> GetProperty(int id, String name);

    /** The user did something to an item ("clicked", "hovered", "opened", "closed"). */
    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** Several events at once; answers the ids that were not found. */
    List<Integer> EventGroup(List<MenuEvent> events);

    /** The menu below {@code id} is about to show; true when its layout should be fetched again. */
    boolean AboutToShow(int id);

    /** {@link #AboutToShow} for several items. */
    AboutToShowGroupReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

    /** {@code (ia{sv}av)}: an item, its properties and its children (each a variant holding the same structure). */
    final class MenuLayout extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public MenuLayout(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    /**
     * GetLayout's answer: the layout's revision and the layout (generic, as dbus-java wants a method's several out
     * arguments).
     */
    final class LayoutReply<R, L> extends Tuple {
        @Position(0)
        public final R revision;
        @Position(1)
        public final L layout;

        public LayoutReply(R revision, L layout) {
            this.revision = revision;
            this.layout = layout;
        }
    }

    /** {@code (ia{sv})}: an item's id and (some of) its properties. */
    final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    /** {@code (ias)}: an item's id and the names of properties it no longer has. */
    final class ItemPropertyNames extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final List<String> names;

        public ItemPropertyNames(int id, List<String> names) {
            this.id = id;
            this.names = names;
        }
    }

    /** {@code (isvu)}: one event of {@link #EventGroup}. */
    final class MenuEvent extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public MenuEvent(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    /** AboutToShowGroup's answer: the ids whose layout changed and the ids not found. */
    final class AboutToShowGroupReply<U, E> extends Tuple {
        @Position(0)
        public final U updatesNeeded;
        @Position(1)
        public final E idErrors;

        public AboutToShowGroupReply(U updatesNeeded, E idErrors) {
            this.updatesNeeded = updatesNeeded;
            this.idErrors = idErrors;
        }
    }

    /** The layout below {@code parent} changed (a new revision). */
    final class LayoutUpdated extends DBusSignal {
        public final UInt32 revision;
        public final int parent;

        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
            this.revision = revision;
            this.parent = parent;
        }
    }

    /** Items' properties changed (a label, enabled). */
    final class ItemsPropertiesUpdated extends DBusSignal {
        public final List<ItemProperties> updated;
        public final List<ItemPropertyNames> removed;

        public ItemsPropertiesUpdated(String path, List<ItemProperties> updated, List<ItemPropertyNames> removed)
                throws DBusException {
            super(path, updated, removed);
            this.updated = updated;
            this.removed = removed;
        }
    }
}
