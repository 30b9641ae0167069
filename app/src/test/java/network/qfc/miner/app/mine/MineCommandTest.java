package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code mine} command's refusals: each a one-line reason with what to do, before anything starts. */
class MineCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        CommandLine cl = QfcCommand.commandLine();
        CommandLine mine = cl.getSubcommands().get("mine");
        ((MineCommand) mine.getCommand()).withEnvironment(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void powIsNotAModeOfThisApp() {
        Run r = run(Map.of(), "mine", "--key-file", "k", "--compute-mode", "pow");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("node's own Blake3 block mining").doesNotContain("Exception");
    }

    @Test
    void powFromTheEnvironmentIsRefusedToo() {
        Run r = run(Map.of("QFC_COMPUTE_MODE", "pow"), "mine", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'pow'");
    }

    @Test
    void plainHttpToAnotherComputerNeedsTheFlag() {
        Run r = run(Map.of(), "mine", "--rpc", "http://rpc.example.org:8545", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("plain http:// to rpc.example.org").contains("--allow-insecure-http");
    }

    @Test
    void withoutAKeyTheUserIsToldWhereToGetOne() {
        Run r = run(Map.of(), "mine");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key-file").contains("--keystore").contains("--devnet");
    }

    @Test
    void anUnknownBackendFromTheEnvironmentIsNamed() {
        Run r = run(Map.of("QFC_INFERENCE_BACKEND", "tpu"), "mine", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown backend 'tpu'");
    }

    @Test
    void rpcAndDevnetTogetherAreRefused() {
        Run r = run(Map.of(), "mine", "--devnet", "--rpc", "http://127.0.0.1:8545");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("either --rpc or --devnet");
    }

    @Test
    void helpListsTheFlagsOfTheIssue() {
        Run r = run(Map.of(), "mine", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--rpc", "--devnet", "--key-file", "--keystore", "--password-file", "--backend",
                "--compute-mode", "--model-dir", "--data-dir", "--max-proofs", "--duration", "--json", "--metrics-port",
                "--allow-insecure-http");
    }
}
