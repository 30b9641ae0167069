package network.qfc.miner.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real probe on the build machine (a Linux VM with 2 cores, no display device, no GPU): its answers must agree
 * with what the OS says through other doors.
 */
@EnabledOnOs(OS.LINUX)
class ThisMachineProbeTest {
    private static final Logger LOG = LoggerFactory.getLogger(ThisMachineProbeTest.class);

    @Test
    void agreesWithNprocAndProcMeminfo() throws Exception {
        HardwareReport r = HardwareProbe.ofThisMachine().probe();
        LOG.info("first probe took {} ms: {}", r.probeTime().toMillis(), r);

        assertThat(r.cpu().logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors()).isEqualTo(nproc());
        assertThat(r.cpu().physicalCores()).isBetween(1, r.cpu().logicalCores());
        assertThat(r.cpu().name()).isNotBlank();

        long memTotalBytes = memTotalKib() * 1024L;
        assertThat((double) r.memory().totalBytes()).isCloseTo(memTotalBytes, org.assertj.core.data.Percentage
                .withPercentage(5));
        assertThat(r.memory().availableBytes()).isPositive().isLessThanOrEqualTo(r.memory().totalBytes());
        assertThat(r.os().macOs()).isFalse();
        assertThat(r.metal().usable()).isFalse();
    }

    @Test
    void aMachineWithoutDisplayDeviceOrNvidiaDriverIsColdCpuWithoutGpu() {
        assumeThat(Files.exists(Path.of("/sys/class/drm")) || Files.exists(Path.of("/dev/nvidia0")))
                .as("this check is for a machine with no display device, like the build VMs").isFalse();
        HardwareReport r = HardwareProbe.ofThisMachine().probe();
        assertThat(r.gpus()).isEmpty();
        assertThat(r.cuda().usable()).isFalse();
        TierAssessment a = new TierClassifier().assess(r, Optional.empty());
        assertThat(a.tier()).isEqualTo(GpuTier.COLD);
        assertThat(a.accelerator()).isEqualTo(Accelerator.CPU);
        assertThat(a.runnableModels()).extracting(ModelRequirement::name).containsExactly("qfc-embed-small");
        assertThat(HardwareReportJson.toJson(r, a).get("gpus").size()).isZero();
        assertThat(HardwareReportJson.toJson(r, a).get("cuda").get("driverVersion").isNull()).isTrue();
    }

    private static int nproc() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return Integer.parseInt(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
    }

    private static long memTotalKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no MemTotal in /proc/meminfo");
    }
}
