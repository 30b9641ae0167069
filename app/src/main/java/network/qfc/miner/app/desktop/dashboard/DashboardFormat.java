package network.qfc.miner.app.desktop.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import network.qfc.miner.core.events.MinerSnapshot;

/** How the dashboard words numbers: QFC amounts, countdowns, rates, outcomes. Pure functions, tested alone. */
public final class DashboardFormat {
    private static final BigDecimal WEI_PER_QFC = new BigDecimal("1000000000000000000");

    private DashboardFormat() {
    }

    /** Wei as QFC with up to 4 decimals: "10,000 QFC", "0.0125 QFC"; "unknown" for null. */
    public static String qfc(BigInteger wei) {
        if (wei == null) {
            return "unknown";
        }
        BigDecimal v = new BigDecimal(wei).divide(WEI_PER_QFC, 4, RoundingMode.DOWN).stripTrailingZeros();
        return String.format(Locale.ROOT, "%,." + Math.max(0, v.scale()) + "f QFC", v);
    }

    /** A stake change: "+12.5 QFC", "-500 QFC", "" when none. */
    public static String change(BigInteger wei) {
        if (wei == null || wei.signum() == 0) {
            return "";
        }
        return (wei.signum() > 0 ? "+" : "-") + qfc(wei.abs());
    }

    /** A countdown: "5h 59m 12s", "3m 05s", "42s". */
    public static String countdown(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    /** Accepted over answered as a percentage, "–" before the first answer. */
    public static String passRate(MinerSnapshot.Counters c) {
        long answered = c.answered();
        return answered == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * c.accepted() / answered);
    }

    /** Proofs per minute since {@code elapsed}. */
    public static String perMinute(long proofs, Duration elapsed) {
        double minutes = Math.max(elapsed.toMillis(), 1) / 60_000.0;
        return String.format(Locale.ROOT, "%.1f", proofs / minutes);
    }

    /** The outcome of one proof in a word. */
    public static String outcome(boolean accepted, boolean spotChecked) {
        if (accepted) {
            return spotChecked ? "Accepted (spot-checked)" : "Accepted";
        }
        return spotChecked ? "Failed spot check" : "Rejected";
    }

    /**
     * The node's message in plain words, with what to do where the user can do something. Unknown messages pass
     * through unchanged.
     */
    public static String plainMessage(String nodeMessage) {
        if (nodeMessage == null || nodeMessage.isBlank()) {
            return "";
        }
        String m = nodeMessage.toLowerCase(Locale.ROOT);
        if (m.contains("spot-check failed") || m.contains("output hash mismatch")) {
            return "The node re-ran this task and got a different result. 5% of stake was slashed and the validator "
                    + "is jailed for 6 hours. Mining resumes by itself when the jail ends; if it happens again, "
                    + "switch the backend to CPU in Settings.";
        }
        if (m.contains("inactive or jailed")) {
            return "The node refused the proof because this validator is jailed or has no stake.";
        }
        if (m.contains("unknown validator")) {
            return "The node does not know this validator address: it must be registered as a validator first.";
        }
        if (m.contains("invalid proof signature")) {
            return "The node could not verify the proof's signature (is the right key loaded?).";
        }
        if (m.contains("epoch")) {
            return "The proof's epoch was too far from the node's: check this computer's clock.";
        }
        if (m.contains("not approved")) {
            return "The node no longer approves this model.";
        }
        return nodeMessage;
    }

    /** The slash line: "-500 QFC at 14:05 after task 1a2b3c4d…: output hash mismatch". */
    public static String slash(MinerSnapshot.Slash s) {
        if (s == null) {
            return "none";
        }
        return "-" + qfc(s.amount()) + " at " + s.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")
                + (s.afterTaskId() != null ? " after task " + shortId(s.afterTaskId()) : "") + ": " + s.cause();
    }

    /** The first 8 hex digits of a task id and an ellipsis. */
    public static String shortId(String taskId) {
        return taskId == null ? "" : taskId.length() > 10 ? taskId.substring(0, 8) + "…" : taskId;
    }
}
