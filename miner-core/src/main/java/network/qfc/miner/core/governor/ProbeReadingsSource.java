package network.qfc.miner.core.governor;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import network.qfc.miner.probe.BatteryInfo;
import network.qfc.miner.probe.LiveReading;
import network.qfc.miner.probe.LiveSampler;
import network.qfc.miner.probe.LiveSubscription;

/**
 * Readings from the hardware probe's {@link LiveSampler} (CPU loads, temperature, battery; about 1 Hz) and an
 * {@link IdleTimeSource}. Subscribes to the sampler while open, so the sampler keeps sampling; {@link #close()}
 * leaves it (and does not close the sampler or the idle source, which belong to whoever made them).
 */
public final class ProbeReadingsSource implements ReadingsSource, AutoCloseable {

    private final IdleTimeSource idle;
    private final Clock clock;
    private final int logicalCores;
    private final LiveSampler sampler;
    private LiveSubscription subscription;
    private volatile BooleanSupplier idleWanted = () -> true;
    private volatile LiveReading latest;

    /** Over the system clock and this JVM's available processors. */
    public ProbeReadingsSource(LiveSampler sampler, IdleTimeSource idle) {
        this(sampler, idle, Clock.systemDefaultZone(), Runtime.getRuntime().availableProcessors());
    }

    public ProbeReadingsSource(LiveSampler sampler, IdleTimeSource idle, Clock clock, int logicalCores) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logicalCores = logicalCores;
        this.latest = sampler.latest().orElse(null);
        this.subscription = sampler.subscribe(r -> latest = r);
    }

    /**
     * Whether the machine is sampled for the governor: while mining, yes; otherwise the sampler is left (it stops when
     * nobody else, e.g. the Hardware page, listens) and the readings know no loads.
     */
    public synchronized void sample(boolean wanted) {
        if (wanted && subscription == null) {
            latest = sampler.latest().orElse(null);
            subscription = sampler.subscribe(r -> latest = r);
        } else if (!wanted && subscription != null) {
            subscription.close();
            subscription = null;
            latest = null;
        }
    }

    /** Reads the user's idle time only while {@code wanted} says so (the idle-only rule is on). */
    public void readIdleTimeWhen(BooleanSupplier wanted) {
        this.idleWanted = Objects.requireNonNull(wanted, "wanted");
    }

    @Override
    public GovernorReadings read() {
        Optional<Duration> idleTime = idleWanted.getAsBoolean() ? idle.idleTime() : Optional.empty();
        return readings(Optional.ofNullable(latest), idleTime, ZonedDateTime.now(clock), logicalCores);
    }

    /** The latest probe reading, if one has arrived. */
    public Optional<LiveReading> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * Maps a probe reading onto governor readings: no reading yet means zero loads and nothing known; a battery on
     * mains power is "not on battery"; a temperature of 0 or below (a sensor OSHI cannot read) is unknown.
     */
    static GovernorReadings readings(Optional<LiveReading> reading, Optional<Duration> idleTime, ZonedDateTime now,
                                     int logicalCores) {
        if (reading.isEmpty()) {
            return new GovernorReadings(0, 0, idleTime, Optional.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                    now, logicalCores, Optional.empty());
        }
        LiveReading r = reading.get();
        Optional<BatteryInfo> battery = r.battery();
        OptionalInt percent = battery.map(b -> b.chargeFraction().isPresent()
                ? OptionalInt.of((int) Math.round(clamp(b.chargeFraction().getAsDouble()) * 100))
                : OptionalInt.empty()).orElse(OptionalInt.empty());
        OptionalDouble t = r.cpuTemperatureC();
        OptionalDouble temperature = t.isPresent() && t.getAsDouble() > 0 && !Double.isNaN(t.getAsDouble())
                ? t : OptionalDouble.empty();
        return new GovernorReadings(clamp(r.machineCpuLoad()), clamp(r.processCpuLoad()), idleTime,
                battery.map(b -> !b.onAcPower()), percent, temperature, now, logicalCores, Optional.empty());
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Leaves the sampler. */
    @Override
    public void close() {
        sample(false);
    }
}
