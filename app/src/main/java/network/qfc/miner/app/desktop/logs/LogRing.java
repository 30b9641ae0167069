package network.qfc.miner.app.desktop.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Logback appender that keeps the last {@link #capacity} events in memory for the Logs page and tells listeners
 * when a line arrives (on the logging thread: listeners must only hand off, e.g. to a {@code UiThread.Coalescer}).
 * Named {@value #NAME} in {@code logback-desktop.xml}; find it with {@link DesktopLogging#ring()}.
 */
public final class LogRing extends AppenderBase<ILoggingEvent> {
    public static final String NAME = "RING";
    public static final int DEFAULT_CAPACITY = 2000;

    private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int capacity = DEFAULT_CAPACITY;

    /** How many lines are kept (Logback sets it from {@code <capacity>}). */
    public void setCapacity(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    @Override
    protected void append(ILoggingEvent e) {
        LogLine line = new LogLine(Instant.ofEpochMilli(e.getTimeStamp()), e.getLevel().toString(),
                shortName(e.getLoggerName()), e.getThreadName(), messageOf(e));
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > capacity) {
                lines.removeFirst();
            }
        }
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** The kept lines, oldest first. */
    public List<LogLine> snapshot() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Calls {@code listener} after each new line; the returned handle stops it. */
    public AutoCloseable onLine(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static String messageOf(ILoggingEvent e) {
        String msg = e.getFormattedMessage();
        IThrowableProxy t = e.getThrowableProxy();
        // The cause's class and message only: a stack trace belongs in the file, not in the window.
        return t == null ? msg : msg + " (" + t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")";
    }

    private static String shortName(String logger) {
        int dot = logger == null ? -1 : logger.lastIndexOf('.');
        return dot < 0 ? String.valueOf(logger) : logger.substring(dot + 1);
    }
}
