package network.qfc.miner.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The process's peak resident memory, from {@code /proc/self/status} (VmHWM) where the OS has it. */
final class PeakRss {
    private PeakRss() {
    }

    static OptionalLong megabytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
