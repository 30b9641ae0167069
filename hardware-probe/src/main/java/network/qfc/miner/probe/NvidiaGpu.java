package network.qfc.miner.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of {@code nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits}.
 *
 * @param name          e.g. {@code NVIDIA GeForce RTX 4090}
 * @param memoryMb      total memory in MiB, empty when nvidia-smi says {@code [N/A]}
 * @param driverVersion e.g. {@code 550.54.14}
 */
public record NvidiaGpu(String name, OptionalLong memoryMb, String driverVersion) {
    private static final Logger LOG = LoggerFactory.getLogger(NvidiaGpu.class);

    /**
     * Parses the query's output: one GPU per line, fields split on the last two commas (a name may hold a comma).
     * Lines that are not of that shape (error messages, blank lines) are skipped, so garbage gives an empty list.
     */
    public static List<NvidiaGpu> parse(String output) {
        List<NvidiaGpu> gpus = new ArrayList<>();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            int last = line.lastIndexOf(',');
            int middle = last < 0 ? -1 : line.lastIndexOf(',', last - 1);
            if (middle <= 0) {
                if (!line.isEmpty()) {
                    LOG.debug("ignoring nvidia-smi line '{}'", line);
                }
                continue;
            }
            String name = line.substring(0, middle).strip();
            String memory = line.substring(middle + 1, last).strip();
            String driver = line.substring(last + 1).strip();
            if (name.isEmpty() || !driver.matches("\\d+(\\.\\d+)+")) {
                LOG.debug("ignoring nvidia-smi line '{}'", line);
                continue;
            }
            gpus.add(new NvidiaGpu(name, parseMemory(memory), driver));
        }
        return gpus;
    }

    private static OptionalLong parseMemory(String memory) {
        String digits = memory.replaceAll("(?i)\\s*mib$", "");
        if (!digits.matches("\\d{1,9}")) {
            return OptionalLong.empty();
        }
        long mb = Long.parseLong(digits);
        return mb > 0 ? OptionalLong.of(mb) : OptionalLong.empty();
    }
}
