package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.KeySource;
import network.qfc.miner.core.mining.GateDecision;
import network.qfc.miner.core.runtime.MinerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one construction of a governor that the headless command and the desktop share. */
class GovernorSetupTest {

    @TempDir
    Path dir;

    private static final ReadingsSource IDLE_ON_MAINS = () -> new GovernorReadings(0, 0, Optional.empty(),
            Optional.of(false), OptionalInt.empty(), OptionalDouble.empty(), ZonedDateTime.now(), 2, Optional.empty());

    @Test
    void thePolicyIsTheDefaultsWithTheUsersRules() {
        MiningSchedule nights = MiningSchedule.parse("mon-fri 22:00-07:00, sat-sun all");
        GovernorPolicy p = GovernorSetup.policy(40, 15, false, 25, OptionalDouble.of(80), nights);
        assertThat(p).isEqualTo(GovernorPolicy.defaults().withCpuCapPercent(40).withIdleOnlyMinutes(15)
                .withPauseOnBattery(false).withMinBatteryPercent(25)
                .withMaxTemperatureC(OptionalDouble.of(80), GovernorPolicy.DEFAULT_TEMPERATURE_MARGIN_C)
                .withSchedule(nights));
        assertThatThrownBy(() -> GovernorSetup.policy(5, 0, true, 20, OptionalDouble.empty(), MiningSchedule.ALWAYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 10 and 100");
    }

    @Test
    void threadsFollowTheCapAndNoCapLeavesTheMinersDefault() {
        GovernorPolicy d = GovernorPolicy.defaults();
        assertThat(GovernorSetup.threads(d, 8)).isZero();
        assertThat(GovernorSetup.threads(d.withCpuCapPercent(50), 2)).isEqualTo(1);
        assertThat(GovernorSetup.threads(d.withCpuCapPercent(50), 8)).isEqualTo(4);
        assertThat(GovernorSetup.threads(d.withCpuCapPercent(10), 4)).isEqualTo(1);
    }

    @Test
    void settingsGetTheGateAndTheCappedThreadsButKeepThreadsTheUserChose() throws Exception {
        MinerSettings base = MinerSettings.defaults("http://127.0.0.1:8545", KeySource.devnet(dir), dir,
                new AppDirectories(dir, dir, dir), "test");
        GovernorPolicy capped = GovernorPolicy.defaults().withCpuCapPercent(50);
        try (GovernorSetup setup = GovernorSetup.start(IDLE_ON_MAINS, capped, Duration.ofMillis(50))) {
            MinerSettings s = setup.applyTo(base);
            assertThat(s.threads()).isEqualTo(
                    GovernorSetup.threads(capped, Runtime.getRuntime().availableProcessors()));
            assertThat(setup.applyTo(base.withThreads(3)).threads()).isEqualTo(3);

            s.governor().taskDone(Duration.ofMillis(30));
            assertThat(setup.service().taskBusyTime()).contains(Duration.ofMillis(30));

            setup.service().pauseUntilResumed();
            long end = System.nanoTime() + 10_000_000_000L;
            while (!(s.governor().decide() instanceof GateDecision.Pause) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(s.governor().decide()).isInstanceOfSatisfying(GateDecision.Pause.class,
                    p -> assertThat(p.reason()).startsWith("paused by you until resumed"));
        }
        try (GovernorSetup free = GovernorSetup.start(IDLE_ON_MAINS, GovernorPolicy.defaults(), Duration.ofMillis(50))) {
            assertThat(free.applyTo(base).threads()).isZero();
        }
    }
}
