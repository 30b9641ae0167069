package network.qfc.miner.app.desktop.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's logging: a rolling file {@value #FILE_NAME} in the logs directory (daily and at 10 MB, 14 days,
 * 100 MB in all) plus the in-memory {@link LogRing} the Logs page reads. Installed by {@code DesktopLauncher}
 * before the window opens by reconfiguring Logback from {@code logback-desktop.xml}; the command-line commands never
 * call it and keep {@code logback.xml} (warnings to stderr). Reconfiguring works whenever it is called, so no logger
 * created earlier escapes it.
 */
public final class DesktopLogging {
    public static final String FILE_NAME = "qfc-desktop-miner.log";
    static final String CONFIG = "/logback-desktop.xml";

    private DesktopLogging() {
    }

    /** Switches this process to the desktop configuration, logging into {@code logsDir}. */
    public static void install(Path logsDir) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext ctx)) {
            return; // another SLF4J binding: leave it as it is
        }
        URL config = DesktopLogging.class.getResource(CONFIG);
        if (config == null) {
            throw new IllegalStateException(CONFIG + " is missing from the application");
        }
        ctx.reset();
        ctx.putProperty("QFC_LOG_DIR", logsDir.toAbsolutePath().toString());
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(ctx);
        try {
            joran.doConfigure(config);
        } catch (JoranException e) {
            // Logback prints its own status; the app still runs, with less logging.
            System.err.println("warning: the desktop log configuration failed: " + e.getMessage());
        }
    }

    /** The in-memory ring of the current configuration, if the desktop configuration is installed. */
    public static Optional<LogRing> ring() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            if (root.getAppender(LogRing.NAME) instanceof LogRing ring) {
                return Optional.of(ring);
            }
        }
        return Optional.empty();
    }
}
