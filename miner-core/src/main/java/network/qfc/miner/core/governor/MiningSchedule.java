package network.qfc.miner.core.governor;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours in which mining is allowed, per weekday, in the machine's local wall-clock time.
 *
 * <p>Text form (what settings store and the {@code --schedule} flag takes): entries separated by {@code ,}
 * {@code ;} or new lines, each {@code <days> <hours>...}:
 * <ul>
 *   <li>days: {@code mon}..{@code sun}, a range {@code mon-fri} (wrapping ranges such as {@code fri-mon} are
 *   allowed), or {@code daily}, {@code weekdays}, {@code weekends};</li>
 *   <li>hours: {@code HH:MM-HH:MM} (end {@code 24:00} allowed) or {@code all} for the whole day; several ranges may
 *   follow one day spec.</li>
 * </ul>
 * A range whose end is not after its start crosses midnight and belongs to the day it <em>starts</em> on:
 * {@code "mon-fri 22:00-07:00"} allows Monday 22:00 to Tuesday 07:00, ..., Friday 22:00 to Saturday 07:00, but not
 * Monday 00:00-07:00. {@code "always"} (or an empty text) means no restriction: {@link #ALWAYS}.
 * Example: {@code "mon-fri 22:00-07:00, sat-sun all"} (nights and weekends).
 */
public final class MiningSchedule {

    /** No restriction: mining is allowed at every hour. */
    public static final MiningSchedule ALWAYS = new MiningSchedule(List.of(), "always");

    private static final String EXAMPLE = "e.g. \"mon-fri 22:00-07:00, sat-sun all\" or \"always\"";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");
    private static final int DAY_MINUTES = 24 * 60;

    /** One allowed stretch: from {@code start} on {@code day}, for {@code minutes} (up to a whole day). */
    record Window(DayOfWeek day, LocalTime start, int minutes) {
    }

    private final List<Window> windows;
    private final String text;

    private MiningSchedule(List<Window> windows, String text) {
        this.windows = List.copyOf(windows);
        this.text = text;
    }

    /**
     * Reads the text form described on the class.
     *
     * @throws ScheduleFormatException saying which entry is wrong and why
     */
    public static MiningSchedule parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("always")) {
            return ALWAYS;
        }
        List<Window> windows = new ArrayList<>();
        List<String> normalized = new ArrayList<>();
        String[] entries = text.split("[,;\\n]");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                throw error(i, entries[i], "is empty");
            }
            String[] words = entry.split("\\s+");
            if (words.length < 2) {
                throw error(i, entries[i], "needs days and hours, like \"sat-sun all\"");
            }
            List<DayOfWeek> days = days(i, entries[i], words[0]);
            for (int w = 1; w < words.length; w++) {
                Window template = hours(i, entries[i], words[w]);
                for (DayOfWeek d : days) {
                    windows.add(new Window(d, template.start(), template.minutes()));
                }
            }
            normalized.add(String.join(" ", words));
        }
        return new MiningSchedule(windows, String.join(", ", normalized));
    }

    /** Whether mining is allowed at this moment (its local date and time are what count). */
    public boolean allows(ZonedDateTime at) {
        if (windows.isEmpty()) {
            return true;
        }
        LocalDateTime t = at.toLocalDateTime();
        for (Window w : windows) {
            if (endOfStretchAt(w, t).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code w}'s stretch that contains {@code t} ends (it may have started the day before), if one does. */
    private static Optional<LocalDateTime> endOfStretchAt(Window w, LocalDateTime t) {
        for (int back = 1; back >= 0; back--) {
            LocalDateTime day = t.toLocalDate().minusDays(back).atStartOfDay();
            if (day.getDayOfWeek() != w.day()) {
                continue;
            }
            LocalDateTime start = day.with(w.start());
            LocalDateTime stop = start.plusMinutes(w.minutes());
            if (!t.isBefore(start) && t.isBefore(stop)) {
                return Optional.of(stop);
            }
        }
        return Optional.empty();
    }

    /**
     * When mining is next allowed after {@code at}: the earliest window start strictly after it, in {@code at}'s zone.
     * Empty for {@link #ALWAYS}. (Meant for when {@link #allows} is false; then it is when mining resumes.)
     */
    public Optional<ZonedDateTime> nextStart(ZonedDateTime at) {
        LocalDateTime t = at.toLocalDateTime();
        LocalDateTime best = null;
        for (Window w : windows) {
            for (int ahead = 0; ahead <= 7; ahead++) {
                LocalDateTime day = t.toLocalDate().plusDays(ahead).atStartOfDay();
                if (day.getDayOfWeek() != w.day()) {
                    continue;
                }
                LocalDateTime start = day.with(w.start());
                if (start.isAfter(t) && (best == null || start.isBefore(best))) {
                    best = start;
                }
            }
        }
        return Optional.ofNullable(best).map(b -> b.atZone(at.getZone()));
    }

    /**
     * When mining next stops after {@code at}, while {@link #allows} it: the end of the allowed stretch {@code at} is
     * in, following windows that touch or overlap. Empty when mining is not allowed at {@code at}, or never stops
     * ({@link #ALWAYS}, "daily all").
     */
    public Optional<ZonedDateTime> nextEnd(ZonedDateTime at) {
        if (windows.isEmpty() || !allows(at)) {
            return Optional.empty();
        }
        LocalDateTime t = at.toLocalDateTime();
        LocalDateTime end = t;
        // each round extends the stretch by the windows that contain its current end; a week of them means no end
        for (int round = 0; round <= windows.size() && !end.isAfter(t.plusDays(8)); round++) {
            LocalDateTime reach = end;
            for (Window w : windows) {
                Optional<LocalDateTime> stop = endOfStretchAt(w, end);
                if (stop.isPresent() && stop.get().isAfter(reach)) {
                    reach = stop.get();
                }
            }
            if (reach.equals(end)) {
                return Optional.of(end.atZone(at.getZone()));
            }
            end = reach;
        }
        return Optional.empty();
    }

    /** Whether this is {@link #ALWAYS} (no restriction). */
    public boolean unrestricted() {
        return windows.isEmpty();
    }

    List<Window> windows() {
        return windows;
    }

    /** The normalized text form; {@code parse(toString())} gives an equal schedule. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiningSchedule s && s.windows.equals(windows);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }

    private static List<DayOfWeek> days(int i, String entry, String word) {
        switch (word) {
            case "daily":
                return range(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
            case "weekdays":
                return range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "weekends":
                return range(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            default:
                break;
        }
        String[] ends = word.split("-", -1);
        if (ends.length > 2) {
            throw error(i, entry, "has days \"" + word + "\"; write one day (mon) or one range (mon-fri)");
        }
        DayOfWeek from = day(i, entry, ends[0]);
        DayOfWeek to = ends.length == 2 ? day(i, entry, ends[1]) : from;
        return range(from, to);
    }

    private static List<DayOfWeek> range(DayOfWeek from, DayOfWeek to) {
        List<DayOfWeek> days = new ArrayList<>();
        DayOfWeek d = from;
        days.add(d);
        while (d != to) {
            d = d.plus(1);
            days.add(d);
        }
        return days;
    }

    private static DayOfWeek day(int i, String entry, String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(word)) {
                return d;
            }
        }
        throw error(i, entry, "has an unknown day \"" + word + "\" (expected mon, tue, wed, thu, fri, sat, sun, "
                + "a range like mon-fri, daily, weekdays or weekends)");
    }

    private static Window hours(int i, String entry, String word) {
        if (word.equals("all")) {
            return new Window(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, DAY_MINUTES);
        }
        Matcher m = RANGE.matcher(word);
        if (!m.matches()) {
            throw error(i, entry, "has hours \"" + word + "\" that are not HH:MM-HH:MM or all");
        }
        int start = minutes(i, entry, m.group(1), false);
        int end = minutes(i, entry, m.group(2), true);
        if (start == end) {
            throw error(i, entry, "has an empty range \"" + word + "\"; write all for the whole day");
        }
        int length = end > start ? end - start : DAY_MINUTES - start + end;
        return new Window(DayOfWeek.MONDAY, LocalTime.of(start / 60, start % 60), length);
    }

    private static int minutes(int i, String entry, String hhmm, boolean end) {
        if (end && hhmm.equals("24:00")) {
            return DAY_MINUTES;
        }
        try {
            LocalTime t = LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw error(i, entry, "has a time \"" + hhmm + "\" that is not a valid HH:MM (00:00 to 23:59"
                    + (end ? ", or 24:00" : "") + ")");
        }
    }

    private static ScheduleFormatException error(int index, String entry, String problem) {
        return new ScheduleFormatException("mining hours entry " + (index + 1) + " \"" + entry.trim() + "\" "
                + problem + "; " + EXAMPLE);
    }
}
