package network.qfc.miner.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The conventions every command follows: --help everywhere, usage errors exit 2, closed choices completable. */
class CommandLineConventionsTest {

    /** Every command's words, e.g. [models, pull], walked from the real command tree. */
    private static List<List<String>> allCommands(CommandLine cl, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        out.add(prefix);
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            out.addAll(allCommands(sub, p));
        });
        return out;
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
        List<List<String>> commands = allCommands(QfcCommand.commandLine(), List.of());
        assertThat(commands).contains(List.of("models", "pull"), List.of("keys", "new"), List.of("mine"));
        for (List<String> words : commands) {
            List<String> args = new ArrayList<>(words);
            args.add("--help");
            CommandRun r = CommandRun.run(args.toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", args, r.err()).isZero();
            assertThat(r.out()).as("%s", args)
                    .contains("Usage: qfc-desktop-miner" + (words.isEmpty() ? "" : " " + String.join(" ", words)));
        }
    }

    @Test
    void aGroupOfSubcommandsAloneIsAUsageErrorNamingItsSubcommands() {
        CommandRun models = CommandRun.run("models");
        assertThat(models.code()).isEqualTo(2);
        assertThat(models.err()).contains("needs a subcommand: list, pull, verify, remove, import").contains("Usage:");
        assertThat(models.out()).isEmpty();
        CommandRun keys = CommandRun.run("keys");
        assertThat(keys.code()).isEqualTo(2);
        assertThat(keys.err()).contains("`qfc-desktop-miner keys` needs a subcommand: new, import");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        for (String[] args : new String[][] {{"mine", "--no-such-flag"}, {"models", "pull"}, {"probe", "extra"},
            {"devnet", "--port", "x"}, {"bench", "--seconds", "0"}}) {
            CommandRun r = CommandRun.run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void closedChoicesAreEnumsWithLowerCaseCompletionCandidates() {
        CommandLine mine = QfcCommand.commandLine().getSubcommands().get("mine");
        CommandLine.Model.OptionSpec backend = mine.getCommandSpec().findOption("--backend");
        CommandLine.Model.OptionSpec mode = mine.getCommandSpec().findOption("--compute-mode");
        assertThat(backend.type().isEnum()).isTrue();
        assertThat(mode.type().isEnum()).isTrue();
        assertThat(backend.completionCandidates()).containsExactly("auto", "cuda", "metal", "cpu");
        assertThat(mode.completionCandidates()).containsExactly("inference", "auto", "none");

        CommandRun bad = CommandRun.run("mine", "--devnet", "--backend", "tpu");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--backend").contains("tpu");
        CommandRun upper = CommandRun.run("mine", "--backend", "CPU");
        assertThat(upper.err()).as("CPU is accepted case-insensitively; the error is about the missing key")
                .contains("no validator key");
    }
}
