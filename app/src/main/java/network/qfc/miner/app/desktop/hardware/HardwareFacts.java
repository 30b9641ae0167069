package network.qfc.miner.app.desktop.hardware;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import network.qfc.miner.probe.BatteryInfo;
import network.qfc.miner.probe.GpuInfo;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.LiveReading;
import network.qfc.miner.probe.ModelEligibility;
import network.qfc.miner.probe.TierAssessment;

/** The probe's findings in the words the screen uses: "none", "unknown", never a fake 0. */
final class HardwareFacts {
    private HardwareFacts() {
    }

    static void fill(HardwareModel m, HardwareReport r, TierAssessment a) {
        m.os.set(r.os().family() + " " + r.os().version() + " (" + r.os().architecture() + ")");
        m.cpu.set(r.cpu().name() + " - " + r.cpu().physicalCores() + " cores / " + r.cpu().logicalCores() + " threads"
                + (r.cpu().simd().isEmpty() ? "" : ", " + r.cpu().simd().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(" "))));
        m.memory.set(mb(r.memory().totalBytes()) + " total, " + mb(r.memory().availableBytes()) + " available");
        m.gpus.set(r.gpus().isEmpty() ? "none" : r.gpus().stream().map(HardwareFacts::gpu).collect(Collectors.joining("\n")));
        m.cuda.set(r.cuda().usable() ? "usable (driver " + r.cuda().driverVersion().orElse("?") + ")"
                : "not usable: " + r.cuda().reason());
        m.metal.set(r.metal().usable() ? "usable" : "not usable: " + r.metal().reason());
        m.battery.set(battery(r.battery().orElse(null)));
        m.temperature.set(temperature(r.cpuTemperatureC()));
        m.tier.set(a.tier().wireName() + " on " + a.accelerator() + " with " + a.memoryMb() + " MB"
                + (a.memoryOverridden() ? " (set by you)" : ""));
        m.tierWhy.set(a.why());
        m.models.set(a.models().stream().map(HardwareFacts::eligibility).collect(Collectors.joining("\n")));
        m.probeTime.set("Probed in " + r.probeTime().toMillis() + " ms");
    }

    static void live(HardwareModel m, LiveReading reading) {
        m.load.set(String.format(Locale.ROOT, "this app %.0f%%, whole machine %.0f%%", 100 * reading.processCpuLoad(),
                100 * reading.machineCpuLoad()));
        m.temperature.set(temperature(reading.cpuTemperatureC()));
        reading.battery().ifPresent(b -> m.battery.set(battery(b)));
    }

    static String gpu(GpuInfo g) {
        return g.vendor() + " " + g.name() + (g.vramMb().isPresent() ? ", " + g.vramMb().getAsLong() + " MB VRAM" : ", VRAM unknown");
    }

    static String battery(BatteryInfo b) {
        if (b == null) {
            return "none";
        }
        String charge = b.chargeFraction().isPresent()
                ? String.format(Locale.ROOT, "%.0f%%", 100 * b.chargeFraction().getAsDouble()) : "charge unknown";
        return charge + (b.onAcPower() ? ", on AC power" : ", on battery") + (b.charging() ? ", charging" : "");
    }

    static String temperature(OptionalDouble c) {
        return c.isPresent() ? String.format(Locale.ROOT, "%.0f °C", c.getAsDouble()) : "unknown";
    }

    static String eligibility(ModelEligibility e) {
        return e.model().name() + "@" + e.model().version() + ": " + (e.mayRun() ? "can run here" : e.reason().orElse("cannot run"));
    }

    private static String mb(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
