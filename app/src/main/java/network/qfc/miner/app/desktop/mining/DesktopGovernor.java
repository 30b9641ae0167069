package network.qfc.miner.app.desktop.mining;

import java.time.Duration;
import java.util.OptionalDouble;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.governor.GovernorGate;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorService;
import network.qfc.miner.core.governor.IdleTimeSource;
import network.qfc.miner.core.governor.ProbeReadingsSource;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.probe.LiveSampler;

/** The desktop's resource governor: the settings' background rules, the tray's "pause for 1 hour", the gate. */
public final class DesktopGovernor implements AutoCloseable {
    private final GovernorService service;
    private volatile boolean paused;

    public DesktopGovernor(LiveSampler sampler, AppSettings settings) {
        this.service = new GovernorService(new ProbeReadingsSource(sampler, IdleTimeSource.forThisMachine()), policy(settings));
        service.start();
    }

    /** The background rules of the settings screen as a governor policy. */
    public static GovernorPolicy policy(AppSettings s) {
        return GovernorPolicy.defaults()
                .withCpuCapPercent(s.cpuCapPercent())
                .withIdleOnlyMinutes(s.idleOnlyMinutes())
                .withPauseOnBattery(s.pauseOnBattery())
                .withMinBatteryPercent(s.minBatteryPercent())
                .withMaxTemperatureC(OptionalDouble.of(s.maxTemperatureC()), 5);
    }

    public GovernorService service() {
        return service;
    }

    public MiningGate gate() {
        return new GovernorGate(service);
    }

    public void apply(AppSettings s) {
        service.setPolicy(policy(s));
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
        service.close();
    }
}
