package network.qfc.miner.app.probe;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import network.qfc.miner.probe.BatteryInfo;
import network.qfc.miner.probe.GpuInfo;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.ModelEligibility;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.VramSource;

/** The human-readable form of a probe: one fact per line, unknowns written as "none" or "unknown". */
final class ProbeSummary {
    private ProbeSummary() {
    }

    static String format(HardwareReport r, TierAssessment a) {
        StringBuilder out = new StringBuilder();
        line(out, "OS", r.os().family() + " " + r.os().version() + " (" + r.os().architecture() + ")");
        String simd = r.cpu().simd().isEmpty() ? "no AVX2/AVX-512/NEON"
                : r.cpu().simd().stream().sorted().map(f -> f.displayName()).collect(Collectors.joining(" "));
        line(out, "CPU", r.cpu().name() + " (" + r.cpu().vendor() + "), " + r.cpu().physicalCores() + " physical / "
                + r.cpu().logicalCores() + " logical cores, " + simd);
        line(out, "Memory", r.memory().totalMb() + " MB total, " + r.memory().availableMb() + " MB available");
        gpus(out, r.gpus());
        line(out, "CUDA", (r.cuda().usable() ? "usable: " : "not usable: ") + r.cuda().reason());
        line(out, "Metal", (r.metal().usable() ? "usable: " : "not usable: ") + r.metal().reason());
        line(out, "Battery", r.battery().map(ProbeSummary::battery).orElse("none"));
        line(out, "CPU temperature", r.cpuTemperatureC().isPresent()
                ? String.format(Locale.ROOT, "%.1f °C", r.cpuTemperatureC().getAsDouble()) : "unknown");
        line(out, "Tier", a.tier().wireName() + " on " + a.accelerator().displayName() + " with " + a.memoryMb()
                + " MB" + (a.memoryOverridden() ? " (your --max-memory)" : ""));
        line(out, "Why", a.why());
        out.append("Models:\n");
        int width = a.models().stream().mapToInt(m -> m.model().qualifiedName().length()).max().orElse(0);
        for (ModelEligibility m : a.models()) {
            out.append("  ").append(pad(m.model().qualifiedName(), width)).append("  ")
                    .append(m.mayRun() ? "may run" : "cannot run: " + m.reason().orElse("")).append('\n');
        }
        line(out, "Probe took", r.probeTime().toMillis() + " ms");
        return out.toString();
    }

    private static void gpus(StringBuilder out, List<GpuInfo> gpus) {
        if (gpus.isEmpty()) {
            line(out, "GPU", "none");
            return;
        }
        for (int i = 0; i < gpus.size(); i++) {
            GpuInfo g = gpus.get(i);
            String vram = g.vramMb().isPresent()
                    ? g.vramMb().getAsLong() + " MB VRAM" + (g.vramSource() == VramSource.OSHI ? " (OS hint)" : "")
                    : "VRAM unknown";
            line(out, gpus.size() == 1 ? "GPU" : "GPU " + (i + 1), g.name() + " (" + g.vendor() + "), " + vram
                    + g.driverVersion().map(d -> ", driver " + d).orElse(""));
        }
    }

    private static String battery(BatteryInfo b) {
        String charge = b.chargeFraction().isPresent()
                ? Math.round(b.chargeFraction().getAsDouble() * 100) + "%" : "charge unknown";
        return charge + (b.onAcPower() ? ", on AC power" : ", on battery") + (b.charging() ? ", charging" : "");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(pad(label + ":", 17)).append(value).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
