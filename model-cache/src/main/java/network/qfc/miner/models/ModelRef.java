package network.qfc.miner.models;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An approved model as the QFC protocol names it: {@code name@version}, e.g. {@code qfc-embed-small@v1.0}.
 * Both parts are also folder names in the cache, so they are restricted to letters, digits, {@code . _ -}
 * and must start with a letter or digit: a name from the network can never walk out of the cache.
 */
public record ModelRef(String name, String version) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public ModelRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!PART.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid model name '" + name
                    + "': use letters, digits, '.', '_' or '-' (e.g. qfc-embed-small)");
        }
        if (!PART.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid model version '" + version
                    + "' of " + name + ": use letters, digits, '.', '_' or '-' (e.g. v1.0)");
        }
    }

    /** Parses {@code name@version}. */
    public static ModelRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("invalid model reference '" + text + "': expected NAME@VERSION, e.g. qfc-embed-small@v1.0");
        }
        return new ModelRef(text.substring(0, at), text.substring(at + 1));
    }

    /** True when {@code text} names a valid model name or version part. */
    static boolean isSafePart(String text) {
        return text != null && PART.matcher(text).matches();
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
