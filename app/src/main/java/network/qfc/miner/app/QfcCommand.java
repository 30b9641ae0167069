package network.qfc.miner.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code qfc-desktop-miner [SUBCOMMAND]}. Subcommands are listed in {@link #commandLine()}. */
@Command(name = "qfc-desktop-miner",
        // --help and --version on every subcommand, at any depth
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = QfcCommand.Version.class,
        description = {
            "Mine QFC (Proof of Contribution) by running approved AI models on this computer.",
            "With no command, the desktop app opens."
        },
        sortOptions = false)
public final class QfcCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--devnet", description = "Open the app mining against a devnet on this computer, with a generated dev key: nothing to configure.")
    boolean devnet;

    @CommandLine.Option(names = "--minimized", description = "Start hidden in the tray (how start at login opens it).")
    boolean minimized;

    /** Builds the command line with every subcommand the application has. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QfcCommand());
        // subcommands: one line each
        cl.addSubcommand(new network.qfc.miner.app.probe.ProbeCommand());
        cl.addSubcommand(new network.qfc.miner.app.keys.KeysCommand());
        cl.addSubcommand(new network.qfc.miner.app.models.ModelsCommand());
        cl.addSubcommand(new network.qfc.miner.app.bench.BenchCommand());
        cl.addSubcommand(new network.qfc.miner.app.devnet.DevnetCommand());
        cl.addSubcommand(new network.qfc.miner.app.mine.MineCommand());
        cl.setExecutionExceptionHandler(new Main.OneLineErrors());
        // closed choices (--backend, --compute-mode) are enums; users type them in lower case
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** No command: the desktop app. */
    @Override
    public Integer call() {
        return network.qfc.miner.app.desktop.DesktopLauncher.launch(
                new network.qfc.miner.app.desktop.DesktopOptions(devnet, minimized));
    }

    /** The version from the build, with the Java runtime it runs on. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"qfc-desktop-miner " + applicationVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }

    /** The application's version as built by Maven. */
    public static String applicationVersion() {
        Properties p = new Properties();
        try (InputStream in = QfcCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
