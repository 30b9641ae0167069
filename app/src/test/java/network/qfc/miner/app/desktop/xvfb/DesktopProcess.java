package network.qfc.miner.app.desktop.xvfb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.OfflineSeed;

/**
 * The real desktop app ({@code network.qfc.miner.app.Main}) in a child JVM on an {@link XDisplay}, with the test's
 * class path (the Surefire JVM itself runs JavaFX on Monocle), its own config and data folders under {@code home},
 * and the model cache of the app's end-to-end tests; plus read-only looks into its proof journal (SQLite).
 * {@link #close()} ends it (SIGTERM, then SIGKILL).
 */
final class DesktopProcess implements AutoCloseable {
    static final Path MODELS = Path.of("target", "e2e", "models").toAbsolutePath();

    private final Process process;
    private final Path home;

    private DesktopProcess(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    /** A fresh folder for one app under target/xvfb. */
    static Path newHome(String name) throws IOException {
        Path home = Path.of("target", "xvfb", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        return home;
    }

    /** Starts the app on {@code display} with the command-line {@code args} (e.g. {@code --devnet}), no session bus. */
    static DesktopProcess start(XDisplay display, Path home, String... args) throws IOException {
        return start(display, home, Map.of(), args);
    }

    /**
     * Starts the app on {@code display} with {@code env} added to its environment (a private session bus:
     * DBUS_SESSION_BUS_ADDRESS); without it the app sees no session bus, whatever the test's own environment has.
     */
    static DesktopProcess start(XDisplay display, Path home, Map<String, String> extraEnv, String... args)
            throws IOException {
        // the devnet and the miner find qfc-embed-small installed instead of copying 91 MB in the child
        OfflineSeed.seededDir(MODELS, new ModelRef("qfc-embed-small", "v1.0"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Dprism.order=sw", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "network.qfc.miner.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.remove("WAYLAND_DISPLAY");
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.putAll(extraEnv);
        env.remove("QFC_COMPUTE_MODE");
        env.put("DISPLAY", display.name());
        env.put("QFC_CONFIG_DIR", home.resolve("config").toString());
        env.put("QFC_DATA_DIR", home.resolve("data").toString());
        env.put("QFC_MODEL_DIR", MODELS.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        env.put("XDG_DATA_HOME", home.resolve("xdg-data").toString());
        pb.redirectOutput(home.resolve("app.out").toFile());
        pb.redirectError(home.resolve("app.err").toFile());
        return new DesktopProcess(pb.start(), home);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once it exited. */
    int exitValue() {
        return process.exitValue();
    }

    /** Sends SIGTERM, as a log-out or {@code kill} does. */
    void terminate() {
        process.destroy();
    }

    /** Proofs the node accepted, per the journal. */
    long accepted() {
        return query("SELECT count(*) FROM tasks WHERE state = 'ANSWERED' AND accepted = 1", r -> r.getLong(1), 0L);
    }

    /** Tasks per journal state. */
    Map<String, Long> taskStates() {
        return query("SELECT state, count(*) FROM tasks GROUP BY state", r -> {
            Map<String, Long> m = new LinkedHashMap<>();
            do {
                m.put(r.getString(1), r.getLong(2));
            } while (r.next());
            return m;
        }, Map.of());
    }

    /** How many journal events of this kind ({@code registered}, {@code stopped}, ...). */
    long events(String kind) {
        return query("SELECT count(*) FROM events WHERE kind = '" + kind + "'", r -> r.getLong(1), 0L);
    }

    /** The last journal event as "kind: detail", or empty. */
    String lastEvent() {
        return query("SELECT kind || ': ' || detail FROM events ORDER BY id DESC LIMIT 1", r -> r.getString(1), "");
    }

    /** What explains a failure: exit state, the journal's last events and tasks, the log's and stderr's tails. */
    String diagnostics() {
        String events = query("SELECT kind || ': ' || detail FROM events ORDER BY id DESC LIMIT 6", r -> {
            StringBuilder b = new StringBuilder();
            do {
                b.append("\n    ").append(r.getString(1));
            } while (r.next());
            return b.toString();
        }, " (none)");
        return "app " + (process.isAlive() ? "running" : "exited with " + process.exitValue()) + " (" + home + ")"
                + "\n  journal tasks: " + taskStates() + "\n  journal events, newest first:" + events
                + "\n  log tail:" + tail(home.resolve("data").resolve("logs").resolve("qfc-desktop-miner.log"), 8)
                + "\n  stderr tail:" + tail(home.resolve("app.err"), 8);
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> T query(String sql, Row<T> row, T none) {
        Path journals = home.resolve("data").resolve("journals");
        Path db;
        try {
            Path marker = journals.resolve("current");
            db = Files.exists(marker) ? journals.resolve(Files.readString(marker).trim() + ".db") : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (db == null || !Files.exists(db)) {
            return none;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet r = s.executeQuery(sql)) {
                return r.next() ? row.read(r) : none;
            }
        } catch (SQLException e) {
            // the app creates its tables a moment after the file
            return e.getMessage() != null && e.getMessage().contains("no such table") ? none : rethrow(e);
        }
    }

    private static <T> T rethrow(SQLException e) {
        throw new AssertionError("cannot read the app's journal: " + e.getMessage(), e);
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return " (none)";
            }
            List<String> all = Files.readAllLines(file);
            StringBuilder b = new StringBuilder();
            all.subList(Math.max(0, all.size() - lines), all.size())
                    .forEach(l -> b.append("\n    ").append(l.length() > 240 ? l.substring(0, 240) + "..." : l));
            return b.toString();
        } catch (IOException | UncheckedIOException e) {
            return " (unreadable: " + e.getMessage() + ")";
        }
    }

    /** Waits for the app to exit by itself. */
    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // the shutdown hook stops the miner cleanly (at most the proof in flight): give it time, then kill
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
