package network.qfc.miner.app.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;

/** A command that only groups subcommands ({@code models}, {@code keys}) run alone: a usage error (exit 2). */
public final class SubcommandRequired {
    private SubcommandRequired() {
    }

    /** The error to throw: names the subcommands; picocli prints it with the usage on stderr and exits 2. */
    public static CommandLine.ParameterException error(CommandLine.Model.CommandSpec spec) {
        String names = spec.subcommands().keySet().stream().collect(Collectors.joining(", "));
        return new CommandLine.ParameterException(spec.commandLine(),
                "`" + spec.qualifiedName() + "` needs a subcommand: " + names);
    }
}
