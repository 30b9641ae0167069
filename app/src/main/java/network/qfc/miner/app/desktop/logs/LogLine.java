package network.qfc.miner.app.desktop.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One log event as the Logs page shows it: when, how severe, from where, what.
 *
 * @param level  ERROR, WARN, INFO, DEBUG or TRACE
 * @param logger the short name of the logger (the class, without its package)
 */
public record LogLine(Instant time, String level, String logger, String thread, String message) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Severity as a number: ERROR 4, WARN 3, INFO 2, DEBUG 1, TRACE 0. */
    public int severity() {
        return severityOf(level);
    }

    /** Whether this line shows under a filter of {@code minimumLevel} (e.g. WARN shows WARN and ERROR). */
    public boolean atLeast(String minimumLevel) {
        return severity() >= severityOf(minimumLevel);
    }

    /** One line of text: {@code 2026-05-01 12:00:00 WARN  Logger - message}. */
    public String format() {
        return CLOCK.format(time) + " " + String.format(Locale.ROOT, "%-5s", level) + " " + logger + " - " + message;
    }

    static int severityOf(String level) {
        return switch (level == null ? "" : level.toUpperCase(Locale.ROOT)) {
            case "ERROR" -> 4;
            case "WARN" -> 3;
            case "INFO" -> 2;
            case "DEBUG" -> 1;
            default -> 0;
        };
    }
}
