package network.qfc.miner.app.models;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import network.qfc.miner.models.DownloadEvent;
import network.qfc.miner.models.DownloadNotice;
import network.qfc.miner.models.DownloadProgress;

/**
 * Shows download events on a text output: on a terminal one line rewritten with {@code \r} (a bar, MB, rate, ETA);
 * otherwise (pipes, logs, tests) plain lines, one per 10 % of each file, plus every notice.
 */
final class ProgressLine {
    private static final int BAR = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, Integer> lastDecile = new HashMap<>();
    private boolean lineOpen;

    ProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void onEvent(DownloadEvent e) {
        if (e instanceof DownloadProgress p) {
            progress(p);
        } else if (e instanceof DownloadNotice n && n.kind() != DownloadNotice.Kind.INSTALLED) { // the command says it last
            closeLine();
            out.println(n.message());
        }
        out.flush();
    }

    private void progress(DownloadProgress p) {
        String text = String.format(Locale.ROOT, "%-16s %s %s %s", p.file(), bar(p.fraction()), amounts(p), rate(p));
        if (terminal) {
            out.print("\r" + text + "   ");
            lineOpen = true;
            return;
        }
        int decile = p.fraction() < 0 ? -1 : (int) (p.fraction() * 10);
        Integer last = lastDecile.get(p.file());
        if (last == null || decile > last) {
            lastDecile.put(p.file(), decile);
            out.println(text.stripTrailing());
        }
    }

    synchronized void finish() {
        closeLine();
        out.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private static String bar(double fraction) {
        if (fraction < 0) {
            return "[" + "?".repeat(BAR) + "]";
        }
        int done = (int) Math.round(fraction * BAR);
        return "[" + "#".repeat(done) + ".".repeat(BAR - done) + "] " + String.format(Locale.ROOT, "%3d%%", (int) (fraction * 100));
    }

    private static String amounts(DownloadProgress p) {
        return p.total() >= 0 ? mb(p.bytes()) + " / " + mb(p.total()) : mb(p.bytes());
    }

    private static String rate(DownloadProgress p) {
        if (p.bytesPerSecond() <= 0) {
            return "";
        }
        String r = mb((long) p.bytesPerSecond()) + "/s";
        Duration eta = p.eta();
        return eta == null || p.bytes() >= p.total() ? r
                : r + String.format(Locale.ROOT, "  ETA %d:%02d", eta.toMinutes(), eta.toSecondsPart());
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
