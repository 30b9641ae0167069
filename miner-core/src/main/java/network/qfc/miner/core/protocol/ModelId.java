package network.qfc.miner.core.protocol;

import java.util.Objects;

/** An approved model as the protocol names it: {@code name@version}, e.g. {@code qfc-embed-small@v1.0}. */
public record ModelId(String name, String version) {
    public ModelId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** Parses {@code name@version}; throws {@link IllegalArgumentException} when there is no '@'. */
    public static ModelId parse(String s) {
        Objects.requireNonNull(s, "model id");
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            throw new IllegalArgumentException("model id '" + s + "' is not name@version (e.g. qfc-embed-small@v1.0)");
        }
        return new ModelId(s.substring(0, at), s.substring(at + 1));
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
