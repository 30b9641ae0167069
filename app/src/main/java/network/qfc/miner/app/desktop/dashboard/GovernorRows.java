package network.qfc.miner.app.desktop.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.qfc.miner.core.events.MinerEvent;

/**
 * The governor's pauses and throttles (battery, temperature, idle-only, CPU cap, other programs' load, a pause from
 * the tray) as rows of the live feed, in plain words with what ends them. Coalesced so a flapping governor cannot
 * flood the feed: a reason that only changed its figures ("other programs use 63 %" then "71 %") is no new row, and
 * a change within a minute of the previous governor row, with no proof between them, replaces that row and says how
 * often it changed. A jail is not the governor's: the standing card and the header show it.
 */
final class GovernorRows {
    /** Changes closer than this, with no proof between, share one row. */
    static final Duration MERGE_WITHIN = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String RUNNING = "running";
    private static final Pattern LOW_BATTERY = Pattern.compile("battery at (\\d+)% \\(minimum (\\d+)%\\)");
    private static final Pattern HOT = Pattern.compile("CPU at ([\\d.]+) °C, resumes below ([\\d.]+) °C");
    private static final Pattern USER_ACTIVE = Pattern.compile("user active \\(idle [\\d:]+ < (\\d+) min\\)");
    private static final Pattern OTHERS = Pattern.compile("other programs use (\\d+%) of the CPU");
    private static final Pattern CAP = Pattern.compile("CPU cap (\\d+%) \\((.*)\\)");

    /** The reason of the last governor row shown, with its figures blanked; null before any. */
    private String lastKind;
    private Instant mergedSince;
    private int changes;

    /** Forgets what was shown (a new miner, a reloaded feed). */
    void reset() {
        lastKind = null;
        mergedSince = null;
        changes = 0;
    }

    /** The row this event makes, or empty when it is not a governor event or says nothing new. */
    Optional<ProofFeedRow> rowFor(MinerEvent event) {
        String reason;
        if (event instanceof MinerEvent.Paused p) {
            reason = p.reason();
            if (reason.startsWith("jailed")) {
                return Optional.empty();
            }
        } else if (event instanceof MinerEvent.Throttled t) {
            reason = t.reason();
        } else if (event instanceof MinerEvent.Resumed) {
            reason = RUNNING;
        } else {
            return Optional.empty();
        }
        String kind = reason.replaceAll("\\d+", "#");
        if (kind.equals(lastKind) || (lastKind == null && reason.equals(RUNNING))) {
            return Optional.empty();
        }
        lastKind = kind;
        Words words = words(reason);
        return Optional.of(ProofFeedRow.governor(event.at(), words.outcome(), words.message()));
    }

    /**
     * Puts a governor row at the top of {@code feed} (newest first, at most {@code max} rows): it replaces the top
     * row when that is a governor row less than {@link #MERGE_WITHIN} older.
     */
    void add(List<ProofFeedRow> feed, ProofFeedRow row, int max) {
        ProofFeedRow top = feed.isEmpty() ? null : feed.get(0);
        if (top != null && !top.isProof() && Duration.between(top.at(), row.at()).compareTo(MERGE_WITHIN) < 0) {
            changes++;
            if (mergedSince == null) {
                mergedSince = top.at();
            }
            feed.set(0, ProofFeedRow.governor(row.at(), row.outcome(), row.message() + " (changed " + (changes + 1)
                    + " times since " + TIME.format(mergedSince) + ")"));
            return;
        }
        changes = 0;
        mergedSince = null;
        feed.add(0, row);
        if (feed.size() > max) {
            feed.subList(max, feed.size()).clear();
        }
    }

    /** A proof row arrived: the next governor change starts a row of its own. */
    void proofShown() {
        changes = 0;
        mergedSince = null;
    }

    /** A governor row's outcome word ("Paused") and its plain message. */
    record Words(String outcome, String message) {
    }

    /** The outcome word and the plain message of a governor reason. */
    static Words words(String reason) {
        if (reason.equals(RUNNING)) {
            return new Words("Resumed", "Mining at full speed again.");
        }
        boolean throttled = reason.startsWith("throttled");
        String why = reason.replaceFirst("^(paused|throttled): ", "");
        String outcome = throttled ? "Throttled" : "Paused";
        Matcher m;
        if (why.equals("on battery power")) {
            return new Words(outcome, "On battery power; resumes when plugged in.");
        }
        if ((m = LOW_BATTERY.matcher(why)).matches()) {
            return new Words(outcome, "Battery at " + m.group(1) + "% (minimum " + m.group(2)
                    + "%); resumes when plugged in or charged.");
        }
        if ((m = HOT.matcher(why)).matches()) {
            return new Words(outcome, "CPU too hot (" + m.group(1) + " °C); resumes below " + m.group(2) + " °C.");
        }
        if ((m = USER_ACTIVE.matcher(why)).matches()) {
            return new Words(outcome, "You are using the computer; mining waits until it has been idle for "
                    + m.group(1) + " min (Settings).");
        }
        if ((m = OTHERS.matcher(why)).matches()) {
            return new Words(outcome, throttled
                    ? "Other programs use " + m.group(1) + " of the CPU; mining slows down to leave them room."
                    : "Other programs use " + m.group(1) + " of the CPU; resumes when they need less.");
        }
        if ((m = CAP.matcher(why)).matches()) {
            return new Words(outcome, "CPU cap " + m.group(1) + " (" + m.group(2)
                    + "); slower on purpose, the cap is in Settings.");
        }
        if (why.startsWith("paused by you")) {
            return new Words(outcome, capitalised(why) + "; Resume is in the tray menu.");
        }
        return new Words(outcome, capitalised(why) + (why.endsWith(".") ? "" : "."));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
