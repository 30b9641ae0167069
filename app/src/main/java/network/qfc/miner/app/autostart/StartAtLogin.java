package network.qfc.miner.app.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Starts the app (minimised to the tray) when the user logs in, the way each OS expects:
 * Linux a {@code .desktop} file in {@code $XDG_CONFIG_HOME/autostart}, macOS a LaunchAgent in
 * {@code ~/Library/LaunchAgents}, Windows a value under {@code HKCU\...\Run}. The command started is the app's own
 * launcher with {@code --minimized}; no secret is ever part of it (the key file's password comes from the keychain).
 */
public final class StartAtLogin {
    static final String LABEL = "network.qfc.desktop-miner";
    static final String WINDOWS_RUN_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String WINDOWS_VALUE = "QFC Desktop Miner";
    /** The line that marks a Linux autostart entry as written by this app (installers/linux/resources/postrm). */
    static final String MARKER = "X-QFC-Desktop-Miner=true";

    private final String os;
    private final Path home;
    private final Path xdgConfig;
    private final List<String> launchCommand;

    /**
     * @param osName        {@code os.name}
     * @param home          the user's home
     * @param xdgConfigHome {@code XDG_CONFIG_HOME} or null
     * @param launchCommand the program and its arguments that start the app
     */
    public StartAtLogin(String osName, Path home, String xdgConfigHome, List<String> launchCommand) {
        this.os = osName.toLowerCase(Locale.ROOT);
        this.home = home;
        // the XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored
        this.xdgConfig = xdgConfigHome == null || xdgConfigHome.isBlank() || !Path.of(xdgConfigHome).isAbsolute()
                ? home.resolve(".config") : Path.of(xdgConfigHome);
        List<String> cmd = new ArrayList<>(launchCommand);
        if (!cmd.contains("--minimized")) {
            cmd.add("--minimized");
        }
        this.launchCommand = List.copyOf(cmd);
    }

    /**
     * For this process: the packaged launcher when there is one ({@code jpackage.app-path}; on Linux its link on the
     * PATH, {@code /usr/bin/qfc-desktop-miner}, when the package made one), else java -jar.
     */
    public static StartAtLogin forThisProcess() {
        String packaged = System.getProperty("jpackage.app-path");
        List<String> cmd;
        if (packaged != null) {
            cmd = List.of(onPath(Path.of(packaged), Path.of(PATH_LINK)).toString());
        } else {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            cmd = List.of(java, "-jar", jarOf(StartAtLogin.class).toString());
        }
        return new StartAtLogin(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System.getenv("XDG_CONFIG_HOME"), cmd);
    }

    /** The link the Linux packages put on the PATH. */
    static final String PATH_LINK = "/usr/bin/qfc-desktop-miner";

    /** {@code link} when it leads to {@code launcher} (the packaged app on the PATH), else the launcher itself. */
    static Path onPath(Path launcher, Path link) {
        try {
            if (Files.isSymbolicLink(link) && Files.isSameFile(link, launcher)) {
                return link;
            }
        } catch (IOException e) {
            // a dangling or unreadable link: use the launcher
        }
        return launcher;
    }

    /** The jar (or classes folder) a class was loaded from, as a path: decoded, so spaces and non-ASCII survive. */
    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the application's jar: " + e.getMessage(), e);
        }
    }

    /** The file that makes it start at login (Linux, macOS); null on Windows (the registry). */
    public Path entryFile() {
        if (os.contains("win")) {
            return null;
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
        }
        return xdgConfig.resolve("autostart").resolve("qfc-desktop-miner.desktop");
    }

    public boolean isEnabled() throws IOException {
        if (os.contains("win")) {
            return run(List.of("reg", "query", WINDOWS_RUN_KEY, "/v", WINDOWS_VALUE)) == 0;
        }
        return Files.exists(entryFile());
    }

    /** Turns start at login on or off. */
    public void setEnabled(boolean enabled) throws IOException {
        if (os.contains("win")) {
            int code = enabled
                    ? run(List.of("reg", "add", WINDOWS_RUN_KEY, "/v", WINDOWS_VALUE, "/t", "REG_SZ", "/d",
                            windowsCommandLine(), "/f"))
                    : run(List.of("reg", "delete", WINDOWS_RUN_KEY, "/v", WINDOWS_VALUE, "/f"));
            if (code != 0 && enabled) {
                throw new IOException("Windows refused the start-at-login entry (reg exited " + code + ")");
            }
            return;
        }
        Path file = entryFile();
        if (!enabled) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        String text = os.contains("mac") ? launchAgent() : desktopEntry();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String desktopEntry() {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=QFC Desktop Miner\n"
                + "Comment=Mine QFC in the background (starts minimised to the tray)\n"
                + "Exec=" + String.join(" ", launchCommand.stream().map(StartAtLogin::desktopQuote).toList()) + "\n"
                + "Icon=qfc-desktop-miner\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n"
                // how the packages' removal scripts recognise an entry this app wrote
                + MARKER + "\n";
    }

    String launchAgent() {
        StringBuilder args = new StringBuilder();
        for (String a : launchCommand) {
            args.append("    <string>").append(xmlEscape(a)).append("</string>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n"
                + "  <key>Label</key>\n  <string>" + LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n" + args + "  </array>\n"
                + "  <key>RunAtLoad</key>\n  <true/>\n"
                + "  <key>ProcessType</key>\n  <string>Interactive</string>\n"
                + "</dict>\n</plist>\n";
    }

    String windowsCommandLine() {
        return String.join(" ", launchCommand.stream().map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList());
    }

    private static String desktopQuote(String arg) {
        if (arg.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '$' || c == '`')) {
            return arg;
        }
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not answer within 10 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
