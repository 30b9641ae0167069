package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleTimeSourceTest {

    @Test
    void thisMachineWithoutADisplayReportsUnavailableWithoutThrowing() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "a Linux check");
        String display = System.getenv("DISPLAY");
        assumeTrue(display == null || display.isBlank(), "this machine has a display (" + display + ")");

        try (IdleTimeSource source = IdleTimeSource.forThisMachine()) {
            assertThat(source.available()).isFalse();
            assertThat(source.idleTime()).isEmpty();
            assertThat(source.description()).startsWith("idle detection unavailable: ")
                    .contains("DISPLAY is not set");
        }
    }

    @Test
    void waylandWithoutX11SaysSo() {
        IdleTimeSource source = IdleTimeSource.forSystem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"));

        assertThat(source.description())
                .isEqualTo("idle detection unavailable: Wayland session without X11 (DISPLAY is not set)");
        assertThat(source.idleTime()).isEmpty();
    }

    @Test
    void anX11DisplayThatDoesNotAnswerIsUnavailableWithoutThrowing() {
        // display 377 has no server on this machine (no socket /tmp/.X11-unix/X377)
        assumeTrue(!Files.exists(Path.of("/tmp/.X11-unix/X377")), "a server runs on :377");
        IdleTimeSource source = IdleTimeSource.forSystem("Linux", Map.of("DISPLAY", ":377"));

        assertThat(source.available()).isFalse();
        assertThat(source.description()).isEqualTo("idle detection unavailable: X display :377 could not be opened");
        assertThat(source.idleTime()).isEmpty();
    }

    @Test
    void windowsApisMissingHereMeanUnavailableNotACrash() {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "on Windows this would really work");

        IdleTimeSource source = IdleTimeSource.forSystem("Windows 11", Map.of());

        assertThat(source.available()).isFalse();
        assertThat(source.description()).startsWith("idle detection unavailable: user32/kernel32 could not be loaded");
        assertThat(source.idleTime()).isEmpty();
    }

    @Test
    void windowsTickArithmeticSurvivesTheWrap() {
        assertThat(WindowsIdleTime.sinceLastInput(10_000, 4_000)).isEqualTo(Duration.ofMillis(6_000));
        // GetTickCount wrapped past 2^32 since the last input at 2^32 - 1000 ms
        assertThat(WindowsIdleTime.sinceLastInput(500, (int) 4_294_966_296L)).isEqualTo(Duration.ofMillis(1_500));
        // values above 2^31 are negative ints in Java and still unsigned milliseconds
        assertThat(WindowsIdleTime.sinceLastInput((int) 3_000_000_000L, (int) 2_999_999_000L))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void ioregOutputIsParsedFromNanoseconds() {
        String sample = "+-o IOHIDSystem  <class IOHIDSystem, id 0x100000467, registered, matched, active>\n"
                + "  | {\n"
                + "  |   \"HIDIdleTimeDelta\" = 0\n"
                + "  |   \"HIDIdleTime\" = 12345678901\n"
                + "  |   \"HIDParameters\" = {\"HIDClickTime\"=500000000}\n"
                + "  | }\n";

        assertThat(IoregIdleTime.parse(sample)).contains(Duration.ofNanos(12_345_678_901L));
        assertThat(IoregIdleTime.parse("no such property")).isEmpty();
    }

    @Test
    void ioregIsReadFromARealProcessOutput() {
        IdleTimeSource source = new IoregIdleTime(
                List.of("sh", "-c", "printf '  |   \"HIDIdleTime\" = 7000000000\\n'"), Duration.ofSeconds(10));

        assertThat(source.idleTime()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aHangingIoregIsKilledAtItsTimeoutAndGivesNothing() {
        IdleTimeSource source = new IoregIdleTime(List.of("sleep", "30"), Duration.ofMillis(200));

        assertThat(source.idleTime()).isEmpty();
    }

    @Test
    void macOnAMachineWithoutIoregGivesNothingWithoutThrowing() {
        assumeTrue(!System.getProperty("os.name").startsWith("Mac"), "on a Mac ioreg is there");

        IdleTimeSource source = IdleTimeSource.forSystem("Mac OS X", Map.of());

        assertThat(source.description()).isEqualTo("macOS HIDIdleTime (ioreg)");
        assertThat(source.idleTime()).isEmpty();
    }

    @Test
    void x11IdleTimeUnderXvfbGrowsAndResetsOnInput() throws Exception {
        // -noreset: Xvfb otherwise resets when its last client leaves, and this source connects per reading
        Path xvfb = Path.of("/usr/bin/Xvfb");
        assumeTrue(Files.isExecutable(xvfb), "Xvfb is not installed (apt-get install xvfb libxss1)");
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-nolisten", "tcp", "-noreset",
                "-screen", "0", "640x480x24").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = readLine(server, Duration.ofSeconds(20));
            assumeTrue(number != null && number.matches("\\d+"), "Xvfb did not start: " + number);
            String display = ":" + number;

            try (IdleTimeSource source = IdleTimeSource.forSystem("Linux", Map.of("DISPLAY", display))) {
                assertThat(source.description()).isEqualTo("X11 XScreenSaver on " + display);
                assertThat(source.available()).isTrue();
                Optional<Duration> first = source.idleTime();
                assertThat(first).isPresent();
                Thread.sleep(1_200);
                Duration later = source.idleTime().orElseThrow();
                assertThat(later).isGreaterThan(first.get());

                assumeTrue(Files.isExecutable(Path.of("/usr/bin/xdotool")), "xdotool is not installed");
                ProcessBuilder move = new ProcessBuilder("xdotool", "mousemove", "100", "100");
                move.environment().put("DISPLAY", display);
                Process p = move.redirectErrorStream(true).start();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
                Duration afterInput = source.idleTime().orElseThrow();
                assertThat(afterInput).isLessThan(later);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String readLine(Process p, Duration timeout) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.FutureTask<String> line = new java.util.concurrent.FutureTask<>(r::readLine);
        Thread t = new Thread(line, "xvfb-display-reader");
        t.setDaemon(true);
        t.start();
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
