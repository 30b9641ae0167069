package network.qfc.miner.app.desktop.xvfb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private X server (Xvfb, on a display number it picks itself) for one test, with Debian's {@code trayer} as the
 * system-tray host when asked, and the X clients the tests look and type with ({@code xwininfo}, {@code xprop},
 * {@code xdotool}). There is no window manager: windows are found by name and owner pid, input goes by XTEST.
 * {@link #close()} ends everything it started.
 */
final class XDisplay implements AutoCloseable {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern TREE_LINE = Pattern.compile("^\\s+(0x[0-9a-f]+) ");

    private final Process server;
    private final String name;
    private Process trayer;

    private XDisplay(Process server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Starts Xvfb (and trayer when {@code trayHost}); skips the test where they are not installed (CI installs them:
     * .ci/run).
     */
    static XDisplay start(boolean trayHost) throws IOException {
        for (String tool : List.of("Xvfb", "xdotool", "xwininfo", "xprop")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " is not installed (apt-get install xvfb xdotool x11-utils)");
        }
        if (trayHost) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/trayer")), "trayer is not installed (apt-get install trayer)");
        }
        // -noreset: the server would otherwise reset whenever its last client leaves (between xdotool calls)
        Process server = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-noreset",
                "-screen", "0", "1280x1024x24").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = firstLine(server, Duration.ofSeconds(20));
        XDisplay display = new XDisplay(server, ":" + number);
        if (number == null || !number.matches("\\d+")) {
            display.close();
            throw new AssertionError("Xvfb did not start (it printed no display number: " + number + ")");
        }
        if (trayHost) {
            try {
                display.startTrayer();
            } catch (IOException | RuntimeException | Error e) {
                display.close();
                throw e;
            }
        }
        return display;
    }

    private void startTrayer() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/trayer", "--edge", "top", "--align", "right", "--widthtype",
                "pixel", "--width", "200", "--heighttype", "pixel", "--height", "24");
        pb.environment().put("DISPLAY", name);
        trayer = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until("trayer's panel on " + name, Duration.ofSeconds(20), () -> trayPanel().isPresent(),
                () -> "trayer " + (trayer.isAlive() ? "runs" : "exited with " + trayer.exitValue()));
    }

    /** The display name, e.g. {@code :3}. */
    String name() {
        return name;
    }

    /** The panel window trayer docks icons into (its tray icons are windows below it). */
    Optional<Long> trayPanel() {
        return windowsNamed("^panel$").stream().filter(this::viewable).findFirst();
    }

    /** Windows whose name matches {@code regex}, mapped or not. */
    List<Long> windowsNamed(String regex) {
        Result r = run("xdotool", "search", "--name", regex);
        List<Long> ids = new ArrayList<>();
        if (r.exit() == 0) {
            r.out().lines().map(String::trim).filter(l -> l.matches("\\d+")).forEach(l -> ids.add(Long.parseLong(l)));
        }
        return ids;
    }

    /** The windows below {@code id}, at any depth. */
    List<Long> descendants(long id) {
        Result r = run("xwininfo", "-tree", "-id", Long.toString(id));
        List<Long> ids = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            Matcher m = TREE_LINE.matcher(line);
            if (m.find()) {
                ids.add(Long.decode(m.group(1)));
            }
        }
        return ids;
    }

    /** The window's {@code WM_NAME}, or empty. */
    String nameOf(long id) {
        Matcher m = Pattern.compile("WM_NAME\\(\\w+\\) = \"(.*)\"").matcher(run("xprop", "-id", Long.toString(id), "WM_NAME").out());
        return m.find() ? m.group(1) : "";
    }

    /** The pid the window's client put in {@code _NET_WM_PID} (AWT and GTK both do). */
    OptionalLong pidOf(long id) {
        Matcher m = Pattern.compile("_NET_WM_PID\\(CARDINAL\\) = (\\d+)").matcher(run("xprop", "-id", Long.toString(id), "_NET_WM_PID").out());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** True when the window exists and it and all its ancestors are mapped. */
    boolean viewable(long id) {
        Result r = run("xwininfo", "-id", Long.toString(id));
        return r.exit() == 0 && r.out().contains("Map State: IsViewable");
    }

    /** The window's centre on the screen. */
    int[] centre(long id) {
        String info = run("xwininfo", "-id", Long.toString(id)).out();
        return new int[] {field(info, "Absolute upper-left X") + field(info, "Width") / 2,
                field(info, "Absolute upper-left Y") + field(info, "Height") / 2};
    }

    /** Gives {@code id} the keyboard focus (no window manager does it here) and waits until the server did. */
    void focus(long id) {
        require(run("xdotool", "windowfocus", "--sync", Long.toString(id)), "focus window " + id);
    }

    /** Types keys (xdotool names: {@code ctrl+w}, {@code Down}, {@code Return}) to the focused window, by XTEST. */
    void key(String... keys) {
        for (String k : keys) {
            require(run("xdotool", "key", "--clearmodifiers", k), "press " + k);
        }
    }

    /** Clicks {@code button} (1 left, 3 right) in the middle of the window. */
    void click(long id, int button) {
        int[] c = centre(id);
        require(run("xdotool", "mousemove", "--sync", Integer.toString(c[0]), Integer.toString(c[1]), "click",
                Integer.toString(button)), "click window " + id);
    }

    /** Runs an X client on this display (20 s at most); never throws for a non-zero exit. */
    Result run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DISPLAY", name);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            FutureTask<String> out = new FutureTask<>(() -> new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Thread reader = new Thread(out, "x-client-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + CLIENT_TIMEOUT.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command[0], e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new AssertionError("no output from " + command[0] + ": " + e, e);
        }
    }

    /** What an X client printed (stdout and stderr) and its exit code. */
    record Result(int exit, String out) {
    }

    private static void require(Result r, String what) {
        if (r.exit() != 0) {
            throw new AssertionError("xdotool could not " + what + " (exit " + r.exit() + "): " + r.out().trim());
        }
    }

    private static int field(String xwininfo, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+(-?\\d+)").matcher(xwininfo);
        if (!m.find()) {
            throw new AssertionError("xwininfo printed no " + label + ": " + xwininfo);
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() {
        end(trayer);
        end(server);
    }

    static void end(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(Process p, Duration timeout) {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        FutureTask<String> line = new FutureTask<>(r::readLine);
        Thread t = new Thread(line, "xvfb-display-reader");
        t.setDaemon(true);
        t.start();
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
