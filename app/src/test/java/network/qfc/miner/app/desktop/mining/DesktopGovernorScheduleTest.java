package network.qfc.miner.app.desktop.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import network.qfc.miner.app.desktop.xvfb.Await;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.governor.GovernorDecision;
import network.qfc.miner.core.mining.MiningGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's governor (this machine's real sampler, the real governor service) honours the Settings' mining hours:
 * outside them it pauses with the schedule as the reason and says when mining resumes; new hours apply at once.
 */
class DesktopGovernorScheduleTest {

    @Test
    void outsideTheMiningHoursTheAppsGovernorPausesAndNewHoursApplyAtOnce(@TempDir Path home) {
        String later = ZonedDateTime.now().getDayOfWeek().plus(3).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                .toLowerCase(Locale.ROOT);
        AppSettings settings = AppSettings.defaults().withKeepMiningWhenBusy(true).withMiningHours(later + " all");
        // the app's governor is the process's one (MinerServices), as DesktopApp builds it
        try (MiningControl mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> new char[0],
                () -> MiningGate.OPEN)) {
            DesktopGovernor governor = new DesktopGovernor(mining.services().governor(), settings, Clock.systemUTC());
            Await.until("a pause for the mining hours", Duration.ofSeconds(30),
                    () -> governor.service().current().map(d -> d.cause() == GovernorDecision.Cause.SCHEDULE).orElse(false),
                    () -> String.valueOf(governor.service().current()));
            GovernorDecision d = governor.service().current().orElseThrow();
            assertThat(d.paused()).isTrue();
            assertThat(d.reason()).startsWith("outside mining hours (resumes ");

            governor.apply(settings.withMiningHours("always"));
            Await.until("no more pause for the mining hours", Duration.ofSeconds(30),
                    () -> governor.service().current().map(x -> x.cause() != GovernorDecision.Cause.SCHEDULE).orElse(false),
                    () -> String.valueOf(governor.service().current()));
        }
    }
}
