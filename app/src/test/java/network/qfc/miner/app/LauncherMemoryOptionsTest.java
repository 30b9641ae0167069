package network.qfc.miner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The footprint measured in the README is what users get only if every launcher runs the JVM with the same memory
 * options: the shell launcher's {@code JVM_MEMORY} must also be in the Windows launcher and in jpackage's options.
 */
class LauncherMemoryOptionsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static List<String> shellLauncherOptions() throws IOException {
        Matcher m = Pattern.compile("(?m)^JVM_MEMORY=\"([^\"]+)\"$")
                .matcher(Files.readString(ROOT.resolve("qfc-desktop-miner")));
        assertThat(m.find()).as("JVM_MEMORY in the shell launcher").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    @Test
    void theShellLauncherStartsASmallSerialHeapThatShrinks() throws IOException {
        assertThat(shellLauncherOptions()).contains("-XX:+UseSerialGC", "-Xms32m", "-XX:-ShrinkHeapInSteps");
        assertThat(Files.readString(ROOT.resolve("qfc-desktop-miner"))).contains("MALLOC_ARENA_MAX")
                .contains("exec \"$JAVA\" $JVM_MEMORY ");
    }

    @Test
    void theWindowsLauncherRunsTheSameOptions() throws IOException {
        Matcher m = Pattern.compile("(?m)^set \"JVM_MEMORY=([^\"]+)\"\\r?$")
                .matcher(Files.readString(ROOT.resolve("qfc-desktop-miner.cmd")));
        assertThat(m.find()).as("JVM_MEMORY in qfc-desktop-miner.cmd").isTrue();
        assertThat(Arrays.asList(m.group(1).trim().split("\\s+"))).isEqualTo(shellLauncherOptions());
        assertThat(Files.readString(ROOT.resolve("qfc-desktop-miner.cmd"))).contains("\"%JAVA%\" %JVM_MEMORY% ");
    }

    @Test
    void thePackagedLaunchersRunTheSameOptions() throws IOException {
        List<String> jpackage = Files.readAllLines(ROOT.resolve("installers/common/jpackage.args")).stream()
                .map(String::trim).filter(l -> l.startsWith("--java-options "))
                .map(l -> l.substring("--java-options ".length()).trim()).toList();
        assertThat(jpackage).containsAll(shellLauncherOptions());
    }
}
