package network.qfc.miner.app.desktop.tray.sni;

import org.freedesktop.dbus.errors.PropertyReadOnly;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/** {@code org.freedesktop.DBus.Properties} of an exported object whose properties are all read-only: Get from GetAll. */
interface ReadOnlyProperties extends Properties {

    @Override
    @SuppressWarnings("unchecked")
    default <A> A Get(String interfaceName, String propertyName) {
        Variant<?> v = GetAll(interfaceName).get(propertyName);
        if (v == null) {
            throw new UnknownProperty(getObjectPath() + " has no property " + propertyName);
        }
        return (A) v;
    }

    @Override
    default <A> void Set(String interfaceName, String propertyName, A value) {
        throw new PropertyReadOnly(getObjectPath() + "'s properties are read-only");
    }
}
