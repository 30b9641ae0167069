package network.qfc.miner.app.desktop.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * The history charts' time axis: a number axis in minutes since the epoch, from the range's start to now, with a
 * few horizontal local-time labels ("14:20", "Mon 23") at round steps. Unlike a category axis it never turns its
 * labels on their side: where they would not fit, every other one is left out.
 */
final class TimeAxis {
    private TimeAxis() {
    }

    /** How far back, the bucket of a point, the step between labels and their format, per range. */
    record Spec(Duration span, Duration bucket, Duration step, String pattern, String bucketWords) {
    }

    static Spec spec(DashboardModel.Range range) {
        return switch (range) {
            case HOUR -> new Spec(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(15), "HH:mm",
                    "per 5 minutes");
            case DAY -> new Spec(Duration.ofDays(1), Duration.ofHours(1), Duration.ofHours(6), "HH:mm", "per hour");
            case WEEK -> new Spec(Duration.ofDays(7), Duration.ofHours(12), Duration.ofDays(1), "EEE d", "per 12 hours");
        };
    }

    /** Epoch milliseconds as the axis' unit (minutes). */
    static double minutes(long epochMs) {
        return epochMs / 60_000.0;
    }

    /** A new x axis for the history charts. */
    static NumberAxis create() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelRotation(0);
        return x;
    }

    /** Points {@code x} at {@code range} ending {@code nowMs}: bounds, step and label format. */
    static void show(NumberAxis x, DashboardModel.Range range, long nowMs, ZoneId zone) {
        Spec s = spec(range);
        double step = s.step().toMinutes();
        double to = minutes(nowMs);
        x.setUpperBound(to);
        // the lower bound on a round step, so the labels fall on round times ("14:15", "06:00", midnight)
        double offset = zone.getRules().getOffset(Instant.ofEpochMilli(nowMs)).getTotalSeconds() / 60.0;
        double from = to - s.span().toMinutes();
        x.setLowerBound(Math.floor((from + offset) / step) * step - offset);
        x.setTickUnit(step);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(s.pattern(), Locale.ENGLISH).withZone(zone);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                return f.format(Instant.ofEpochMilli(Math.round(minutes.doubleValue() * 60_000)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
    }
}
