package network.qfc.miner.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page (section 1, troff {@code man} macros) written from the picocli model, so it says exactly what
 * {@code --help} says: one page for the program, a subsection per command at any depth. picocli's own generator
 * writes AsciiDoc, which would need Asciidoctor (JRuby) at build time to become a man page.
 */
public final class ManPage {
    private ManPage() {
    }

    /** The page of {@code root} and every subcommand under it. */
    public static String render(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder m = new StringBuilder();
        String name = spec.name();
        m.append(".TH ").append(name.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-")).append(" 1 \"\" \"")
                .append(name).append(' ').append(version).append("\" \"User Commands\"\n");
        m.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(firstLine(spec))).append('\n');
        m.append(".SH SYNOPSIS\n.B ").append(esc(name)).append("\n[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIOPTIONS\\fR]]\n");
        m.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            m.append(esc(line)).append("\n.PP\n");
        }
        m.append(".SH OPTIONS\n");
        options(m, spec);
        m.append(".SH COMMANDS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            command(m, sub);
        }
        m.append(".SH EXIT STATUS\n")
                .append(".TP\n.B 0\nDone (or help and version printed).\n")
                .append(".TP\n.B 1\nAn error stopped the command; one line on standard error says why.\n")
                .append(".TP\n.B 2\nA usage error: an unknown or invalid option, a missing argument or subcommand.\n");
        m.append(".SH ENVIRONMENT\n");
        env(m, "QFC_MODEL_DIR", "The model cache (default ~/.cache/qfc-models).");
        env(m, "QFC_DATA_DIR, QFC_CONFIG_DIR", "Override the data and settings folders.");
        env(m, "QFC_COMPUTE_MODE, QFC_INFERENCE_BACKEND", "Defaults of mine --compute-mode and --backend.");
        env(m, "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME",
                "Where settings, data (journal, keys) and logs go; relative values are ignored.");
        m.append(".SH FILES\n");
        env(m, "~/.config/qfc\\-desktop\\-miner/settings.json", "The desktop app's settings.");
        env(m, "~/.local/share/qfc\\-desktop\\-miner/", "Proof journal, devnet key, native libraries.");
        env(m, "~/.local/state/qfc\\-desktop\\-miner/logs/", "The desktop app's logs.");
        return m.toString();
    }

    private static void env(StringBuilder m, String name, String text) {
        m.append(".TP\n.B ").append(name).append('\n').append(esc(text)).append('\n');
    }

    private static void command(StringBuilder m, CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        m.append(".SS \"").append(esc(spec.qualifiedName())).append(synopsisTail(spec)).append("\"\n");
        for (String line : spec.usageMessage().description()) {
            m.append(esc(line)).append("\n.br\n");
        }
        options(m, spec);
        for (CommandLine sub : cl.getSubcommands().values()) {
            command(m, sub);
        }
    }

    private static String synopsisTail(CommandSpec spec) {
        StringBuilder s = new StringBuilder();
        if (!spec.options().isEmpty()) {
            s.append(" [OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            s.append(' ').append(optional ? "[" : "").append(p.paramLabel()).append(optional ? "]" : "");
        }
        if (!spec.subcommands().isEmpty()) {
            s.append(" COMMAND");
        }
        return s.toString();
    }

    private static void options(StringBuilder m, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + esc(n) + "\\fR");
            }
            m.append(".TP\n").append(String.join(", ", names));
            if (o.arity().max() > 0 && !o.negatable()) {
                m.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            m.append('\n').append(esc(helpText(String.join(" ", o.description())))).append('\n');
        }
    }

    /** A description as --help shows it: picocli formats it, so "%%" is a percent sign and "%n" a line break. */
    static String helpText(String description) {
        return description.replace("%n", " ").replace("%%", "%");
    }

    private static String firstLine(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? spec.name() : d[0];
    }

    /**
     * Escapes text for troff: backslashes, hyphens (so they stay ASCII minus signs), a leading dot or quote, and every
     * character beyond ASCII as troff's Unicode escape (an em dash in a help text is {@code \[u2014]}), which troff
     * reads whatever the locale, where raw UTF-8 bytes are "invalid input characters".
     */
    static String esc(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                b.appendCodePoint(cp);
            } else {
                b.append("\\[u").append(String.format(java.util.Locale.ROOT, "%04X", cp)).append(']');
            }
        });
        t = b.toString();
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
