package network.qfc.miner.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The completion scripts and the man page that the build writes from the command model. */
class ShellDocsTest {

    @Test
    void theBuildWritesCompletionAndManPageCoveringEveryCommand(@TempDir Path dir) throws Exception {
        ShellDocs.main(new String[] {dir.toString()});
        String bash = Files.readString(dir.resolve("qfc-desktop-miner.bash"));
        String zsh = Files.readString(dir.resolve("_qfc-desktop-miner"));
        String man = Files.readString(dir.resolve("qfc-desktop-miner.1"));

        CommandLine cl = QfcCommand.commandLine();
        for (String command : cl.getSubcommands().keySet()) {
            assertThat(bash).contains(command);
            assertThat(man).contains(".SS \"qfc\\-desktop\\-miner " + command);
        }
        assertThat(bash).contains("complete -F").contains("(\"auto\" \"cuda\" \"metal\" \"cpu\") # --backend values")
                .contains("(\"inference\" \"auto\" \"none\") # --compute-mode values");
        assertThat(zsh).startsWith("#compdef qfc-desktop-miner").contains("bashcompinit");
        assertThat(man).startsWith(".TH QFC\\-DESKTOP\\-MINER 1").contains(".SH EXIT STATUS")
                .contains("\\fB\\-\\-max\\-proofs\\fR \\fIN\\fR").contains(".SS \"qfc\\-desktop\\-miner models pull")
                .contains("the node's 10% / 8% / 5%; 0 = none").doesNotContain("%%");
    }

    @Test
    void groffReadsTheManPageWithoutWarnings(@TempDir Path dir) throws Exception {
        ShellDocs.main(new String[] {dir.toString()});
        if (!Files.isExecutable(Path.of("/usr/bin/groff"))) {
            return; // groff is not installed here: the content test above still ran
        }
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", dir.resolve("qfc-desktop-miner.1").toString())
                .redirectErrorStream(true).start();
        String warnings = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void troffEscapesHyphensBackslashesAndALeadingDot() throws IOException {
        assertThat(ManPage.esc("--rpc")).isEqualTo("\\-\\-rpc");
        assertThat(ManPage.esc("a\\b")).isEqualTo("a\\eb");
        assertThat(ManPage.esc(".hidden")).isEqualTo("\\&.hidden");
    }
}
