package network.qfc.miner.core.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The number of physical CPU cores, the default of ONNX Runtime's intra-op threads (hyper-threads only slow
 * matrix code down). Read from {@code /proc/cpuinfo} on Linux (distinct physical id + core id pairs); elsewhere the
 * logical processor count.
 */
public final class PhysicalCores {
    private PhysicalCores() {
    }

    public static int count() {
        int logical = Runtime.getRuntime().availableProcessors();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return logical;
        }
        try {
            int fromFile = fromCpuinfo(Files.readAllLines(cpuinfo));
            return fromFile > 0 ? Math.min(fromFile, logical) : logical;
        } catch (IOException | RuntimeException e) {
            return logical;
        }
    }

    static int fromCpuinfo(List<String> lines) {
        Set<String> cores = new HashSet<>();
        String physical = "0";
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("physical id")) {
                physical = value;
            } else if (key.equals("core id")) {
                cores.add(physical + "/" + value);
            }
        }
        return cores.size();
    }
}
