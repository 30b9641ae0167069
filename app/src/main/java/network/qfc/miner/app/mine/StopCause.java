package network.qfc.miner.app.mine;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Why the JVM is shutting down, for the stop line: Ctrl-C (SIGINT), SIGTERM (a service manager, {@code kill}) or
 * neither. A shutdown hook cannot tell; this records the signal before passing it on to the JVM's own handler, which
 * then runs the hooks as before.
 */
final class StopCause {
    private static final Logger LOG = LoggerFactory.getLogger(StopCause.class);

    private final AtomicReference<String> signal = new AtomicReference<>();

    /** Starts recording INT and TERM (where the platform has them). */
    static StopCause watch() {
        StopCause cause = new StopCause();
        cause.record("INT");
        cause.record("TERM");
        return cause;
    }

    private void record(String name) {
        try {
            Signal sig = new Signal(name);
            AtomicReference<sun.misc.SignalHandler> previous = new AtomicReference<>();
            previous.set(Signal.handle(sig, s -> {
                signal.compareAndSet(null, name);
                previous.get().handle(s);
            }));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no such signal here (Windows has no TERM from outside), or the JVM runs with -Xrs
            LOG.debug("cannot watch SIG{}: {}", name, e.toString());
        }
    }

    /** The stop line's reason for a shutdown that no limit of the run started. */
    String reason() {
        String s = signal.get();
        if ("INT".equals(s)) {
            return "interrupted (Ctrl-C)";
        }
        if ("TERM".equals(s)) {
            return "stopped by a signal (SIGTERM)";
        }
        return "stopped: the process is shutting down";
    }
}
