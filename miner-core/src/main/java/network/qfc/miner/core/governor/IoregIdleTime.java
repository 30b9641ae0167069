package network.qfc.miner.core.governor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS idle time: the {@code HIDIdleTime} property (nanoseconds since the last input) printed by
 * {@code ioreg -c IOHIDSystem}. The command runs with a timeout and is killed if it overstays.
 */
final class IoregIdleTime implements IdleTimeSource {
    private static final Logger LOG = LoggerFactory.getLogger(IoregIdleTime.class);
    static final List<String> COMMAND = List.of("ioreg", "-c", "IOHIDSystem");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern IDLE = Pattern.compile("\"HIDIdleTime\"\\s*=\\s*(\\d+)");

    private final List<String> command;
    private final Duration timeout;
    private volatile boolean warned;

    IoregIdleTime() {
        this(COMMAND, DEFAULT_TIMEOUT);
    }

    IoregIdleTime(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public Optional<Duration> idleTime() {
        return run().flatMap(IoregIdleTime::parse);
    }

    /** The first {@code "HIDIdleTime" = <ns>} in ioreg's output. */
    static Optional<Duration> parse(String ioregOutput) {
        Matcher m = IDLE.matcher(ioregOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofNanos(Long.parseLong(m.group(1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> run() {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            warnOnce("could not run " + command.get(0) + ": " + e.getMessage());
            return Optional.empty();
        }
        InputStream out = process.getInputStream();
        FutureTask<String> reader = new FutureTask<>(() -> new String(out.readAllBytes(), StandardCharsets.UTF_8));
        Thread t = new Thread(reader, "qfc-idle-ioreg");
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                warnOnce(command.get(0) + " did not answer within " + timeout.toMillis() + " ms");
                return Optional.empty();
            }
            long left = Math.max(1, deadline - System.nanoTime());
            return Optional.of(reader.get(left, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            warnOnce("could not read " + command.get(0) + "'s output: " + e);
            return Optional.empty();
        } finally {
            process.destroyForcibly();
            t.interrupt();
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.warn("idle time: {}", message);
        }
    }

    @Override
    public String description() {
        return "macOS HIDIdleTime (ioreg)";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void close() {
        // each reading is its own short-lived process
    }
}
