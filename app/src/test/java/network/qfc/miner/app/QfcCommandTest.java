package network.qfc.miner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QfcCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = QfcCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheBuiltVersionAndTheRuntime() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("qfc-desktop-miner 0.1.0").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpListsTheProduct() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: qfc-desktop-miner").contains("Proof of Contribution");
    }

    @Test
    void unknownOptionIsAUsageErrorNotAStackTrace() {
        Run r = run("--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-flag'").doesNotContain("Exception");
    }
}
