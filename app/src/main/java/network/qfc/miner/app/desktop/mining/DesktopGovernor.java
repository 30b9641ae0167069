package network.qfc.miner.app.desktop.mining;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorService;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.governor.ManualPause;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.core.governor.ScheduleFormatException;
import network.qfc.miner.core.mining.MiningGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's face of the process's resource governor (built by {@code MinerServices} with {@link GovernorSetup},
 * as the headless {@code mine} command's is): the settings' background rules, the tray's "pause for 1 hour", which
 * ends by itself when the hour is over, and the gate.
 */
public final class DesktopGovernor {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopGovernor.class);
    /** How long the tray's pause lasts. */
    public static final Duration HAND_PAUSE = Duration.ofHours(1);

    private final GovernorSetup setup;
    private final GovernorService service;
    private final Clock clock;

    public DesktopGovernor(GovernorSetup setup, AppSettings settings, Clock clock) {
        this.setup = setup;
        this.service = setup.service();
        this.clock = clock;
        apply(settings);
    }

    /** The background rules of the settings screen as a governor policy. */
    public static GovernorPolicy policy(AppSettings s) {
        GovernorPolicy p = GovernorSetup.policy(s.cpuCapPercent(), s.idleOnlyMinutes(), s.pauseOnBattery(),
                s.minBatteryPercent(), OptionalDouble.of(s.maxTemperatureC()), schedule(s));
        return p.withYieldToUser(!s.keepMiningWhenBusy(), p.yieldThresholdPercent());
    }

    /**
     * The settings' mining hours; a text the schedule cannot read (a hand-edited settings file: the settings screen
     * checks what it saves) is logged and means no restriction, rather than no mining at all.
     */
    public static MiningSchedule schedule(AppSettings s) {
        try {
            return MiningSchedule.parse(s.miningHours());
        } catch (ScheduleFormatException e) {
            LOG.warn("the mining hours in the settings file are not understood ({}); mining at any hour", e.getMessage());
            return MiningSchedule.ALWAYS;
        }
    }

    public GovernorService service() {
        return service;
    }

    /** The gate for a new miner; it also hears each task's busy time, for the duty cycle. */
    public MiningGate gate() {
        return setup.gate();
    }

    public void apply(AppSettings s) {
        // new rules keep a pause the user asked for from the tray
        service.setPolicy(policy(s).withManualPause(service.policy().manualPause()));
    }

    /** Whether the user's pause is in force now (it ends by itself when its hour is over). */
    public boolean pausedByHand() {
        return service.policy().manualPause().activeAt(clock.instant());
    }

    /** When the user's pause ends, while it is in force. */
    public Optional<Instant> handPauseEnds() {
        return service.policy().manualPause() instanceof ManualPause.Until u && pausedByHand()
                ? Optional.of(u.end()) : Optional.empty();
    }

    /** The tray's "Pause for 1 hour" / "Resume". */
    public void togglePause() {
        if (pausedByHand()) {
            service.resume();
        } else {
            service.pauseUntil(clock.instant().plus(HAND_PAUSE));
        }
    }
}
