package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.probe.BatteryInfo;
import network.qfc.miner.probe.HardwareSource;
import network.qfc.miner.probe.LiveReading;
import network.qfc.miner.probe.LiveSampler;
import org.junit.jupiter.api.Test;

class ProbeReadingsSourceTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 14, 0, 0, 0, ZoneId.of("Europe/Paris"));

    static LiveReading reading(OptionalDouble temperature, Optional<BatteryInfo> battery) {
        return new LiveReading(Instant.EPOCH, 0.25, 0.75, temperature, battery);
    }

    @Test
    void aLaptopOnBatteryMapsToOnBatteryWithItsCharge() {
        GovernorReadings r = ProbeReadingsSource.readings(Optional.of(reading(OptionalDouble.of(71.5),
                Optional.of(new BatteryInfo(OptionalDouble.of(0.426), false, false)))), Optional.of(Duration.ZERO),
                NOW, 8);

        assertThat(r.processLoad()).isEqualTo(0.25);
        assertThat(r.machineLoad()).isEqualTo(0.75);
        assertThat(r.onBattery()).contains(true);
        assertThat(r.batteryPercent()).hasValue(43);
        assertThat(r.temperatureC()).hasValue(71.5);
        assertThat(r.idleTime()).contains(Duration.ZERO);
        assertThat(r.logicalCores()).isEqualTo(8);
        assertThat(r.now()).isEqualTo(NOW);
    }

    @Test
    void pluggedInWithUnknownChargeAndNoReadableSensor() {
        GovernorReadings r = ProbeReadingsSource.readings(Optional.of(reading(OptionalDouble.of(0.0),
                Optional.of(new BatteryInfo(OptionalDouble.empty(), true, true)))), Optional.empty(), NOW, 2);

        assertThat(r.onBattery()).contains(false);
        assertThat(r.batteryPercent()).isEmpty();
        assertThat(r.temperatureC()).as("0 °C from a sensor is unknown").isEmpty();
        assertThat(r.idleTime()).isEmpty();
    }

    @Test
    void aDesktopWithoutBatteryAndNoReadingYet() {
        assertThat(ProbeReadingsSource.readings(Optional.of(reading(OptionalDouble.empty(), Optional.empty())),
                Optional.empty(), NOW, 2).onBattery()).isEmpty();
        GovernorReadings none = ProbeReadingsSource.readings(Optional.empty(), Optional.empty(), NOW, 2);
        assertThat(none.machineLoad()).isZero();
        assertThat(none.onBattery()).isEmpty();
        assertThat(none.temperatureC()).isEmpty();
    }

    @Test
    void theRealProbeOnThisMachineFeedsARealGovernor() throws Exception {
        BlockingQueue<GovernorDecision> decisions = new LinkedBlockingQueue<>();
        try (LiveSampler sampler = new LiveSampler(HardwareSource.ofThisMachine(), Duration.ofMillis(200));
             IdleTimeSource idle = IdleTimeSource.forSystem("Linux", Map.of());
             ProbeReadingsSource source = new ProbeReadingsSource(sampler, idle);
             GovernorService service = new GovernorService(source, GovernorPolicy.defaults().withIdleOnlyMinutes(5)
                     .withYieldToUser(true, 95))) {
            assertThat(sampler.running()).as("the source keeps the sampler sampling").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (source.latest().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(source.latest()).isPresent();
            GovernorReadings r = source.read();
            assertThat(r.logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(r.machineLoad()).isBetween(0.0, 1.0);
            assertThat(r.onBattery()).isEqualTo(source.latest().get().battery().map(b -> !b.onAcPower()));
            assertThat(r.idleTime()).isEmpty();

            service.subscribe(decisions::add);
            service.start();
            GovernorDecision d = decisions.poll(20, TimeUnit.SECONDS);

            assertThat(d).isNotNull();
            assertThat(d.notes()).contains("idle detection unavailable: using the CPU-load rule");
            if (r.temperatureC().isEmpty()) {
                assertThat(d.notes()).contains("CPU temperature unknown: heat limit not applied");
            }
        }
    }
}
