package network.qfc.miner.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code qfc-desktop-miner} command line in the test's JVM: its exit code and what it printed
 * on standard output and standard error.
 */
public record CommandRun(int code, String out, String err) {

    /** Runs the full command line ({@link QfcCommand#commandLine()}) with these arguments. */
    public static CommandRun run(String... args) {
        return run(QfcCommand.commandLine(), args);
    }

    /** Runs a command line the caller has prepared (an environment, an input stream) with these arguments. */
    public static CommandRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
