package network.qfc.miner.core.governor;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.probe.LiveSampler;

/**
 * The one way a miner gets its resource governor, shared by the headless {@code mine} command and the desktop app so
 * the two cannot drift: the user's rules as a {@link GovernorPolicy} ({@link #policy}), a running
 * {@link GovernorService} fed by the hardware probe and this machine's idle time ({@link #start}), and the miner's
 * settings wired to it ({@link #applyTo}: the governor's gate, which also hears each task's busy time, and the
 * intra-op threads of the CPU cap). Lifecycle: started by {@link #start}; {@link #close()} stops the governor thread
 * and releases the readings it owns (not the sampler).
 */
public final class GovernorSetup implements AutoCloseable {
    /** Cooling margin after a heat pause, the same for every front end. */
    public static final double TEMPERATURE_MARGIN_C = GovernorPolicy.DEFAULT_TEMPERATURE_MARGIN_C;

    private final GovernorService service;
    private final ProbeReadingsSource probe;
    private final AutoCloseable[] owned;

    private GovernorSetup(GovernorService service, ProbeReadingsSource probe, AutoCloseable... owned) {
        this.service = service;
        this.probe = probe;
        this.owned = owned;
    }

    /**
     * The user's rules as a policy: the defaults (yield to other programs above 50 %, 10 s settle time, 5 °C cooling
     * margin) with these rules.
     *
     * @param cpuCapPercent     10..100
     * @param idleOnlyMinutes   0 (off)..1440
     * @param pauseOnBattery    pause whenever on battery
     * @param minBatteryPercent 0 (off)..100: pause on battery below this charge
     * @param maxTemperatureC   40..110 °C, or empty for no heat limit
     * @param schedule          the mining hours
     * @throws IllegalArgumentException saying which rule is out of range
     */
    public static GovernorPolicy policy(int cpuCapPercent, int idleOnlyMinutes, boolean pauseOnBattery,
                                        int minBatteryPercent, OptionalDouble maxTemperatureC,
                                        MiningSchedule schedule) {
        return GovernorPolicy.defaults()
                .withCpuCapPercent(cpuCapPercent)
                .withIdleOnlyMinutes(idleOnlyMinutes)
                .withPauseOnBattery(pauseOnBattery)
                .withMinBatteryPercent(minBatteryPercent)
                .withMaxTemperatureC(maxTemperatureC, TEMPERATURE_MARGIN_C)
                .withSchedule(schedule);
    }

    /**
     * A running governor over the probe's live readings ({@code sampler}, which the caller owns and closes) and this
     * machine's idle time, deciding every {@link GovernorService#DEFAULT_PERIOD}.
     */
    public static GovernorSetup start(LiveSampler sampler, GovernorPolicy policy) {
        IdleTimeSource idle = IdleTimeSource.forThisMachine();
        ProbeReadingsSource readings = new ProbeReadingsSource(sampler, idle);
        GovernorService service = new GovernorService(readings, policy);
        readings.readIdleTimeWhen(() -> service.policy().idleOnlyMinutes() > 0);
        service.start();
        return new GovernorSetup(service, readings, readings, idle);
    }

    /** A running governor over any readings (the caller owns {@code source}), deciding every {@code period}. */
    public static GovernorSetup start(ReadingsSource source, GovernorPolicy policy, Duration period) {
        GovernorService service = new GovernorService(Objects.requireNonNull(source, "source"), new Governor(), policy,
                period, Clock.systemDefaultZone());
        service.start();
        return new GovernorSetup(service, null);
    }

    /**
     * Intra-op threads for a policy on {@code logicalCores}: 0 (the miner's default, one per physical core) without a
     * cap, else {@link DutyCycle#threads}.
     */
    public static int threads(GovernorPolicy policy, int logicalCores) {
        return policy.cpuCapPercent() >= 100 ? 0 : DutyCycle.threads(logicalCores, policy.cpuCap());
    }

    /**
     * Whether a miner runs: then the machine is sampled and the governor decides every 2 s; otherwise it samples
     * nothing (the sampler stops unless a screen listens) and decides every {@link GovernorService#IDLE_PERIOD}.
     */
    public void setMining(boolean mining) {
        if (probe != null) {
            probe.sample(mining);
        }
        service.setMining(mining);
    }

    /** The running service: current decision, pause for 1 h / until resumed, policy changes, listeners. */
    public GovernorService service() {
        return service;
    }

    /** The governor as the mining loop's gate. */
    public MiningGate gate() {
        return new GovernorGate(service);
    }

    /**
     * {@code settings} with this governor's gate and, when the policy caps the CPU and the settings leave the threads
     * to the miner (0), the cap's intra-op threads on this JVM's logical cores. Threads the user chose are kept: the
     * measured duty cycle then holds the cap.
     */
    public MinerSettings applyTo(MinerSettings settings) {
        MinerSettings s = settings.withGovernor(gate());
        int capped = threads(service.policy(), Runtime.getRuntime().availableProcessors());
        return s.threads() == 0 && capped > 0 ? s.withThreads(capped) : s;
    }

    /** Stops the governor thread and releases the readings it made; idempotent. */
    @Override
    public void close() {
        service.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // releasing on the way out: nothing more to do
            }
        }
    }
}
