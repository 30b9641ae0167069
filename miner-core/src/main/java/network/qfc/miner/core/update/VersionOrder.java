package network.qfc.miner.core.update;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release versions as the project tags them ({@code v1.2.3}, {@code 1.2}): numeric parts compared as numbers.
 * A pre-release ({@code 1.3.0-rc1}) or anything else that is not dotted numbers is never offered as an update.
 */
final class VersionOrder {
    private static final Pattern RELEASE = Pattern.compile("v?(\\d+(?:\\.\\d+)*)");

    private VersionOrder() {
    }

    /** The dotted numbers of a release tag or title, or empty for a pre-release or an unrelated title. */
    static Optional<String> release(String tag) {
        Matcher m = RELEASE.matcher(tag.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Orders dotted versions; a missing part counts as 0 (1.2 = 1.2.0). Non-release strings sort first. */
    static final Comparator<String> ORDER = (a, b) -> {
        long[] x = parts(a);
        long[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static long[] parts(String version) {
        Optional<String> r = release(version);
        if (r.isEmpty()) {
            return new long[] {-1};
        }
        String[] p = r.get().split("\\.");
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].length() > 18 ? Long.MAX_VALUE : Long.parseLong(p[i]);
        }
        return out;
    }

    /** True when {@code candidate} is a release newer than {@code current} (the running build's version). */
    static boolean newer(String candidate, String current) {
        if (release(candidate).isEmpty()) {
            return false;
        }
        String base = current.replaceFirst("-.*$", "");
        int c = ORDER.compare(candidate, base);
        return c > 0 || c == 0 && !base.equals(current); // 0.2.0 is newer than 0.2.0-SNAPSHOT
    }
}
