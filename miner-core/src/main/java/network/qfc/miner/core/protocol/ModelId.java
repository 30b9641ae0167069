package network.qfc.miner.core.protocol;

import java.util.Objects;

/** A model as the protocol names it: registry name plus version, written {@code name@version} (e.g. qfc-embed-small@v1.0). */
public record ModelId(String name, String version) {
    public ModelId {
        Objects.requireNonNull(name, "model name");
        Objects.requireNonNull(version, "model version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("a model id needs a name and a version, got '" + name + "@" + version + "'");
        }
    }

    /** Parses {@code name@version}: exactly one {@code @}, both sides non-blank. */
    public static ModelId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("model id is missing (expected name@version, e.g. qfc-embed-small@v1.0)");
        }
        String t = text.trim();
        int at = t.indexOf('@');
        if (at <= 0 || at == t.length() - 1 || t.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("'" + t + "' is not a model id: expected name@version, e.g. qfc-embed-small@v1.0");
        }
        return new ModelId(t.substring(0, at), t.substring(at + 1));
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
