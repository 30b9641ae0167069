package network.qfc.miner.app.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import network.qfc.miner.core.governor.MiningSchedule;
import org.junit.jupiter.api.Test;

/** The words under the mining hours, at fixed moments (Wednesday 18 November 2026 is a Wednesday). */
class MiningHoursTextTest {
    private static final MiningSchedule NIGHTS_AND_WEEKENDS = MiningSchedule.parse("mon-fri 22:00-07:00, sat-sun all");

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Paris"));
    }

    @Test
    void saysWhenMiningResumesOrStops() {
        assertThat(MiningHoursText.nextChange(NIGHTS_AND_WEEKENDS, at("2026-11-18T14:00")))
                .isEqualTo("Outside mining hours: mining resumes at 22:00.");
        assertThat(MiningHoursText.nextChange(NIGHTS_AND_WEEKENDS, at("2026-11-18T23:00")))
                .isEqualTo("Inside mining hours: mining stops at 07:00 tomorrow.");
        assertThat(MiningHoursText.nextChange(NIGHTS_AND_WEEKENDS, at("2026-11-20T23:00")))
                .isEqualTo("Inside mining hours: mining stops at 00:00 on Monday.");
        assertThat(MiningHoursText.nextChange(MiningSchedule.ALWAYS, at("2026-11-18T14:00"))).isEqualTo("Mining at any hour.");
        assertThat(MiningHoursText.nextChange(MiningSchedule.parse("daily all"), at("2026-11-18T14:00")))
                .isEqualTo("Inside mining hours, which never end.");
    }

    @Test
    void aTextTheScheduleCannotReadSaysWhy() {
        assertThat(MiningHoursText.problem("mon-fri 22:00-07:00")).isEmpty();
        assertThat(MiningHoursText.problem("always")).isEmpty();
        assertThat(MiningHoursText.problem("someday 22:00-07:00")).hasValueSatisfying(p ->
                assertThat(p).startsWith("Not saved: ").contains("someday"));
    }
}
