package network.qfc.miner.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NvidiaSmiTest {

    @Test
    void parsesOneGpu() {
        assertThat(NvidiaGpu.parse("NVIDIA GeForce RTX 4090, 24564, 550.54.14\n"))
                .containsExactly(new NvidiaGpu("NVIDIA GeForce RTX 4090", OptionalLong.of(24564), "550.54.14"));
    }

    @Test
    void parsesSeveralGpusWithCrLfAndOddSpacing() {
        String out = "Tesla T4, 15360, 535.104.05\r\n  NVIDIA A100-SXM4-80GB ,81920 ,535.104.05  \r\n\r\n";
        assertThat(NvidiaGpu.parse(out)).containsExactly(
                new NvidiaGpu("Tesla T4", OptionalLong.of(15360), "535.104.05"),
                new NvidiaGpu("NVIDIA A100-SXM4-80GB", OptionalLong.of(81920), "535.104.05"));
    }

    @Test
    void aNameWithACommaAndUnknownMemoryAreKept() {
        assertThat(NvidiaGpu.parse("NVIDIA Graphics Device, rev 2, [N/A], 560.28.03"))
                .containsExactly(new NvidiaGpu("NVIDIA Graphics Device, rev 2", OptionalLong.empty(), "560.28.03"));
        assertThat(NvidiaGpu.parse("Quadro P1000, 4096 MiB, 470.256.02"))
                .containsExactly(new NvidiaGpu("Quadro P1000", OptionalLong.of(4096), "470.256.02"));
    }

    @Test
    void garbageAndMissingOutputGiveNoGpu() {
        assertThat(NvidiaGpu.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
                + "Make sure that the latest NVIDIA driver is installed and running.")).isEmpty();
        assertThat(NvidiaGpu.parse("No devices were found")).isEmpty();
        assertThat(NvidiaGpu.parse("a,b,c\n,,\n, 123, 1.2\nname, 99999999999999, x")).isEmpty();
        assertThat(NvidiaGpu.parse("")).isEmpty();
    }

    @Test
    void noNvidiaSmiInTheDirectoriesMeansNoAnswer(@TempDir Path dir) {
        assertThat(NvidiaSmi.inDirectories(List.of(dir), Duration.ofSeconds(3)).queryGpus()).isEmpty();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void runsTheProgramWithTheQueryArguments(@TempDir Path dir) throws IOException {
        script(dir, "if [ \"$1 $2\" = \"--query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits\" ];"
                + " then echo 'NVIDIA GeForce RTX 4090, 24564, 550.54.14'; else echo \"wrong args: $*\"; fi");
        String out = NvidiaSmi.inDirectories(List.of(dir), Duration.ofSeconds(5)).queryGpus().orElseThrow();
        assertThat(NvidiaGpu.parse(out)).extracting(NvidiaGpu::name).containsExactly("NVIDIA GeForce RTX 4090");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFailingProgramIsNoAnswer(@TempDir Path dir) throws IOException {
        script(dir, "echo 'NVIDIA-SMI has failed' >&2; exit 9");
        assertThat(NvidiaSmi.inDirectories(List.of(dir), Duration.ofSeconds(5)).queryGpus()).isEmpty();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHangingProgramIsKilledAndIsNoAnswer(@TempDir Path dir) throws IOException {
        script(dir, "echo 'Tesla T4, 15360, 535.104.05'; exec sleep 60");
        assertThat(NvidiaSmi.inDirectories(List.of(dir), Duration.ofMillis(500)).queryGpus()).isEmpty();
    }

    private static void script(Path dir, String body) throws IOException {
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwx------"));
    }
}
