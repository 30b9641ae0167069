package network.qfc.miner.app.desktop.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.stream.Collectors;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.probe.GpuInfo;
import network.qfc.miner.probe.HardwareReport;

/**
 * The text "Copy diagnostics" puts on the clipboard for a bug report: versions, OS, Java, a hardware summary, the
 * settings (which by construction hold no secret: the key is in its own encrypted file, its password in the OS
 * keychain) and the last {@value #LAST_PROBLEMS} warnings and errors.
 */
public final class Diagnostics {
    public static final int LAST_PROBLEMS = 50;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Diagnostics() {
    }

    /**
     * @param hardware the probe's report, or null when probing failed (the reason goes in {@code hardwareProblem})
     */
    public static String text(String appVersion, HardwareReport hardware, String hardwareProblem, AppSettings settings,
            List<LogLine> lines) {
        StringBuilder out = new StringBuilder();
        out.append("QFC Desktop Miner ").append(appVersion).append('\n');
        out.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        out.append("Java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append("), JavaFX ")
                .append(System.getProperty("javafx.runtime.version", "unknown")).append('\n');
        out.append('\n').append("Hardware:\n").append(hardware == null ? "  unknown: " + hardwareProblem + "\n" : hardware(hardware));
        out.append('\n').append("Settings:\n").append(settingsJson(settings)).append('\n');
        List<LogLine> problems = lines.stream().filter(l -> l.atLeast("WARN")).collect(Collectors.toList());
        List<LogLine> last = problems.subList(Math.max(0, problems.size() - LAST_PROBLEMS), problems.size());
        out.append('\n').append("Last warnings and errors (").append(last.size()).append("):\n");
        if (last.isEmpty()) {
            out.append("  none\n");
        }
        for (LogLine l : last) {
            out.append(l.format()).append('\n');
        }
        return out.toString();
    }

    static String hardware(HardwareReport r) {
        return "  CPU: " + r.cpu().name() + ", " + r.cpu().physicalCores() + " cores / " + r.cpu().logicalCores()
                + " threads\n"
                + "  Memory: " + r.memory().totalMb() + " MB total, " + r.memory().availableMb() + " MB available\n"
                + "  GPUs: " + (r.gpus().isEmpty() ? "none" : r.gpus().stream().map(Diagnostics::gpu)
                        .collect(Collectors.joining("; "))) + "\n"
                + "  CUDA: " + (r.cuda().usable() ? "usable" : "not usable: " + r.cuda().reason()) + "\n"
                + "  Metal: " + (r.metal().usable() ? "usable" : "not usable: " + r.metal().reason()) + "\n"
                + "  Battery: " + (r.battery().isPresent() ? "present" : "none") + "\n";
    }

    private static String gpu(GpuInfo g) {
        return g.vendor() + " " + g.name() + (g.vramMb().isPresent() ? " " + g.vramMb().getAsLong() + " MB" : "");
    }

    private static String settingsJson(AppSettings s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            return "(could not be written: " + e.getOriginalMessage() + ")";
        }
    }
}
