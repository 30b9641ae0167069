package network.qfc.miner.app.desktop.mining;

import java.time.Duration;
import java.util.OptionalDouble;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorService;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.core.governor.ScheduleFormatException;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.probe.LiveSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's resource governor: the settings' background rules, the tray's "pause for 1 hour", the gate. Built
 * with {@link GovernorSetup}, as the headless {@code mine} command is.
 */
public final class DesktopGovernor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopGovernor.class);
    private final GovernorSetup setup;
    private final GovernorService service;
    private volatile boolean paused;

    public DesktopGovernor(LiveSampler sampler, AppSettings settings) {
        this.setup = GovernorSetup.start(sampler, policy(settings));
        this.service = setup.service();
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

    public boolean pausedByHand() {
        return paused;
    }

    /** The tray's "Pause for 1 hour" / "Resume". */
    public void togglePause() {
        if (paused) {
            service.resume();
            paused = false;
        } else {
            service.pauseFor(Duration.ofHours(1));
            paused = true;
        }
    }

    @Override
    public void close() {
        setup.close();
    }
}
