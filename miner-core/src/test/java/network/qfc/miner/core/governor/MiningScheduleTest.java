package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MiningScheduleTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE);
    }

    static Stream<Arguments> badTexts() {
        return Stream.of(
                Arguments.of("mon-fry 22:00-07:00", "entry 1 \"mon-fry 22:00-07:00\" has an unknown day \"fry\""),
                Arguments.of("mon-fri 22:00", "has hours \"22:00\" that are not HH:MM-HH:MM or all"),
                Arguments.of("mon-fri 25:00-07:00", "has a time \"25:00\" that is not a valid HH:MM"),
                Arguments.of("mon-fri 22:00-07:60", "has a time \"07:60\" that is not a valid HH:MM"),
                Arguments.of("mon 24:00-02:00", "has a time \"24:00\" that is not a valid HH:MM (00:00 to 23:59)"),
                Arguments.of("sat-sun", "entry 1 \"sat-sun\" needs days and hours"),
                Arguments.of("mon-fri 22:00-07:00,, sat-sun all", "entry 2 \"\" is empty"),
                Arguments.of("mon 10:00-10:00", "has an empty range \"10:00-10:00\"; write all for the whole day"),
                Arguments.of("mon-tue-wed all", "has days \"mon-tue-wed\"; write one day (mon) or one range"),
                Arguments.of("sat-sun al", "has hours \"al\" that are not HH:MM-HH:MM or all"),
                Arguments.of("nights", "entry 1 \"nights\" needs days and hours"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("badTexts")
    void badTextsAreRefusedSayingWhatIsWrongAndShowingTheForm(String text, String problem) {
        assertThatThrownBy(() -> MiningSchedule.parse(text))
                .isInstanceOf(ScheduleFormatException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("e.g. \"mon-fri 22:00-07:00, sat-sun all\"");
    }

    @Test
    void emptyAndAlwaysMeanNoRestriction() {
        assertThat(MiningSchedule.parse("")).isSameAs(MiningSchedule.ALWAYS);
        assertThat(MiningSchedule.parse(" Always ")).isSameAs(MiningSchedule.ALWAYS);
        assertThat(MiningSchedule.parse(null)).isSameAs(MiningSchedule.ALWAYS);
        assertThat(MiningSchedule.ALWAYS.allows(at("2026-11-18T14:00"))).isTrue();
        assertThat(MiningSchedule.ALWAYS.nextStart(at("2026-11-18T14:00"))).isEmpty();
        assertThat(MiningSchedule.ALWAYS.unrestricted()).isTrue();
    }

    @Test
    void textRoundTripsThroughItsNormalForm() {
        MiningSchedule s = MiningSchedule.parse("  MON-FRI   22:00-07:00 ;Sat-Sun all\nwed 12:00-13:00 18:00-19:30");

        assertThat(s.toString()).isEqualTo("mon-fri 22:00-07:00, sat-sun all, wed 12:00-13:00 18:00-19:30");
        assertThat(MiningSchedule.parse(s.toString())).isEqualTo(s);
        assertThat(s.unrestricted()).isFalse();
    }

    @Test
    void aliasesAndWrappingDayRanges() {
        assertThat(MiningSchedule.parse("weekends all")).isEqualTo(MiningSchedule.parse("sat-sun all"));
        assertThat(MiningSchedule.parse("weekdays 9:00-17:00")).isEqualTo(MiningSchedule.parse("mon-fri 09:00-17:00"));
        assertThat(MiningSchedule.parse("daily all")).isEqualTo(MiningSchedule.parse("mon-sun all"));
        MiningSchedule friToMon = MiningSchedule.parse("fri-mon all");
        assertThat(friToMon.allows(at("2026-11-20T10:00"))).as("Friday").isTrue();
        assertThat(friToMon.allows(at("2026-11-22T10:00"))).as("Sunday").isTrue();
        assertThat(friToMon.allows(at("2026-11-23T10:00"))).as("Monday").isTrue();
        assertThat(friToMon.allows(at("2026-11-24T10:00"))).as("Tuesday").isFalse();
    }

    @Test
    void rangesEndExclusiveAndTwentyFourHundredEndsTheDay() {
        MiningSchedule evening = MiningSchedule.parse("wed 18:00-24:00");

        assertThat(evening.allows(at("2026-11-18T17:59"))).isFalse();
        assertThat(evening.allows(at("2026-11-18T18:00"))).isTrue();
        assertThat(evening.allows(at("2026-11-18T23:59:59"))).isTrue();
        assertThat(evening.allows(at("2026-11-19T00:00"))).isFalse();
    }

    @Test
    void nextStartIsTheEarliestWindowAfterNowAcrossTheWeek() {
        MiningSchedule s = MiningSchedule.parse("mon-fri 22:00-07:00, sat-sun all");

        assertThat(s.nextStart(at("2026-11-18T14:00"))).contains(at("2026-11-18T22:00"));
        assertThat(s.nextStart(at("2026-11-23T03:00"))).contains(at("2026-11-23T22:00"));
        assertThat(MiningSchedule.parse("sun 10:00-11:00").nextStart(at("2026-11-22T10:30")))
                .contains(at("2026-11-29T10:00"));
    }

    @Test
    void nextEndIsWhereTheAllowedStretchStopsFollowingWindowsThatTouch() {
        MiningSchedule s = MiningSchedule.parse("mon-fri 22:00-07:00, sat-sun all");

        assertThat(s.nextEnd(at("2026-11-18T23:00"))).as("Wednesday night").contains(at("2026-11-19T07:00"));
        assertThat(s.nextEnd(at("2026-11-20T23:00"))).as("Friday night runs into the weekend")
                .contains(at("2026-11-23T00:00"));
        assertThat(s.nextEnd(at("2026-11-18T14:00"))).as("not allowed now: no end").isEmpty();
        assertThat(MiningSchedule.parse("daily all").nextEnd(at("2026-11-18T14:00"))).as("never stops").isEmpty();
        assertThat(MiningSchedule.ALWAYS.nextEnd(at("2026-11-18T14:00"))).isEmpty();
        assertThat(MiningSchedule.parse("wed 09:00-12:00, wed 11:00-15:00").nextEnd(at("2026-11-18T09:30")))
                .as("overlapping windows").contains(at("2026-11-18T15:00"));
    }

    @Test
    void wallClockHoursHoldAcrossTheDaylightSavingChange() {
        // Europe/Paris: clocks go back at 03:00 on Sunday 25 October 2026
        MiningSchedule nights = MiningSchedule.parse("sat 22:00-07:00");

        assertThat(nights.allows(at("2026-10-25T06:30"))).isTrue();
        assertThat(nights.allows(at("2026-10-25T07:00"))).isFalse();
    }
}
