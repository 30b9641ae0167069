package network.qfc.miner.app;

import picocli.CommandLine;

/**
 * Process entry point. Kept free of JavaFX types so the headless commands never touch a toolkit
 * (and so JavaFX on the class path does not need this class to extend {@code Application}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        MallocArenaCap.apply(MallocArenaCap.ARENAS);
        routeJavaUtilLogging();
        System.exit(run(args));
    }

    /**
     * JavaFX (and anything else on java.util.logging) logs through SLF4J, so its messages reach the same appenders
     * with the same levels (Logback's LevelChangePropagator keeps the JUL levels in step).
     */
    static void routeJavaUtilLogging() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }

    /** Runs the command line and returns the exit code (0 ok, 1 fatal error with a one-line reason, 2 usage). */
    public static int run(String... args) {
        return QfcCommand.commandLine().execute(args);
    }

    /** Turns an unexpected exception into one readable line on stderr; the stack trace goes to the log only. */
    static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
            return 1;
        }
    }
}
