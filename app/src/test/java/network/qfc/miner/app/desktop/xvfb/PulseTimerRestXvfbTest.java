package network.qfc.miner.app.desktop.xvfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JavaFX's pulse timer rests while no window shows and runs again as soon as one does, on the real GTK glass (where
 * JavaFX cannot pause it itself) under Xvfb: an animation that runs all along gets frames while the window shows, none
 * while it is hidden, and frames again once it is back.
 */
class PulseTimerRestXvfbTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void noPulsesWhileEveryWindowIsHiddenAndPulsesAgainOnceOneShows() throws Exception {
        try (XDisplay x = XDisplay.start(false)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dglass.platform=gtk", "-Dprism.order=sw", "network.qfc.miner.app.desktop.PulseProbe");
            pb.environment().put("DISPLAY", x.name());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
            Map<String, String> facts = new HashMap<>();
            for (String line : out.split("\n")) {
                String[] kv = line.trim().split("=", 2);
                if (kv.length == 2 && List.of("installed", "shown-frames", "hidden-resting", "hidden-frames",
                        "again-resting", "again-frames").contains(kv[0])) {
                    facts.put(kv[0], kv[1]);
                }
            }
            assertThat(facts).as(out).containsEntry("installed", "true").containsEntry("hidden-resting", "true")
                    .containsEntry("again-resting", "false");
            assertThat(Long.parseLong(facts.get("shown-frames"))).as(out).isGreaterThan(5);
            assertThat(Long.parseLong(facts.get("hidden-frames"))).as(out).isZero();
            assertThat(Long.parseLong(facts.get("again-frames"))).as(out).isGreaterThan(5);
        }
    }
}
