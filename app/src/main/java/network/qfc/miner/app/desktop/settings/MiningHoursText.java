package network.qfc.miner.app.desktop.settings;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.core.governor.ScheduleFormatException;

/**
 * What the Settings page says under the mining hours: whether the text is understood (the same text
 * {@code mine --schedule} takes) and when mining next starts or stops ("Outside mining hours: mining resumes at 22:00").
 */
final class MiningHoursText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** Ready-made hours for the presets menu: label, schedule text. */
    static final String[][] PRESETS = {
        {"Any time", "always"},
        {"Nights and weekends", "mon-fri 22:00-07:00, sat-sun all"},
        {"Nights", "daily 22:00-07:00"},
        {"Outside working hours", "mon-fri 18:00-08:00, sat-sun all"},
        {"Weekends", "sat-sun all"},
    };

    private MiningHoursText() {
    }

    /** The schedule, or the reason the text is not one (saying what to type instead). */
    static MiningSchedule parse(String text) {
        return MiningSchedule.parse(text);
    }

    /** Why {@code text} is not a schedule, or empty when it is one. */
    static Optional<String> problem(String text) {
        try {
            MiningSchedule.parse(text);
            return Optional.empty();
        } catch (ScheduleFormatException e) {
            return Optional.of("Not saved: " + e.getMessage());
        }
    }

    /** The next change from {@code now}, in words. */
    static String nextChange(MiningSchedule schedule, ZonedDateTime now) {
        if (schedule.unrestricted()) {
            return "Mining at any hour.";
        }
        if (schedule.allows(now)) {
            return schedule.nextEnd(now).map(t -> "Inside mining hours: mining stops at " + when(t, now) + ".")
                    .orElse("Inside mining hours, which never end.");
        }
        return schedule.nextStart(now).map(t -> "Outside mining hours: mining resumes at " + when(t, now) + ".")
                .orElse("Outside mining hours.");
    }

    /** "22:00", "07:00 tomorrow", "00:00 on Monday". */
    static String when(ZonedDateTime t, ZonedDateTime now) {
        String clock = CLOCK.format(t);
        long days = t.toLocalDate().toEpochDay() - now.toLocalDate().toEpochDay();
        if (days == 0) {
            return clock;
        }
        if (days == 1) {
            return clock + " tomorrow";
        }
        return clock + " on " + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
