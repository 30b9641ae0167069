package network.qfc.miner.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the application keeps its files on a user's disk, by each OS's convention.
 *
 * <ul>
 *   <li>config (settings): {@code $XDG_CONFIG_HOME/qfc-desktop-miner}, {@code ~/Library/Application Support/QFC Desktop Miner},
 *       {@code %APPDATA%\QFC Desktop Miner};</li>
 *   <li>data (journal, keys, native-library cache): {@code $XDG_DATA_HOME/qfc-desktop-miner}, the same macOS folder,
 *       {@code %LOCALAPPDATA%\QFC Desktop Miner};</li>
 *   <li>logs: {@code $XDG_STATE_HOME/qfc-desktop-miner/logs} (default {@code ~/.local/state}),
 *       {@code ~/Library/Logs/QFC Desktop Miner} on macOS, {@code <data>/logs} on Windows.</li>
 * </ul>
 * An {@code XDG_*} variable that holds a relative path is ignored, as the XDG Base Directory specification says.
 * {@code QFC_DATA_DIR} and {@code QFC_CONFIG_DIR} (environment) or the system properties {@code qfc.data.dir} /
 * {@code qfc.config.dir} override them, which is how tests and installers point the app elsewhere.
 * Models live apart, in the model cache ({@code ~/.cache/qfc-models}).
 */
public record AppDirectories(Path config, Path data, Path logs) {
    public static final String APP_FOLDER_UNIX = "qfc-desktop-miner";
    public static final String APP_FOLDER_NAMED = "QFC Desktop Miner";

    public AppDirectories {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(logs, "logs");
    }

    /** The directories of this process: OS convention, overridden by properties or environment. */
    public static AppDirectories forThisProcess() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv(),
                System.getProperty("qfc.config.dir"), System.getProperty("qfc.data.dir"));
    }

    /** Everything under one root (tests, portable installs): {@code root/config}, {@code root/data}, {@code root/data/logs}. */
    public static AppDirectories under(Path root) {
        Path data = root.resolve("data");
        return new AppDirectories(root.resolve("config"), data, data.resolve("logs"));
    }

    static AppDirectories resolve(String osName, String home, Map<String, String> env, String configProp, String dataProp) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path homeDir = Path.of(home);
        Path config;
        Path data;
        Path logs = null;
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), homeDir.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), homeDir.resolve("AppData").resolve("Local"));
            config = roaming.resolve(APP_FOLDER_NAMED);
            data = local.resolve(APP_FOLDER_NAMED);
        } else if (os.contains("mac")) {
            Path support = homeDir.resolve("Library").resolve("Application Support").resolve(APP_FOLDER_NAMED);
            config = support;
            data = support;
            logs = homeDir.resolve("Library").resolve("Logs").resolve(APP_FOLDER_NAMED);
        } else {
            config = xdg(env, "XDG_CONFIG_HOME", homeDir.resolve(".config")).resolve(APP_FOLDER_UNIX);
            data = xdg(env, "XDG_DATA_HOME", homeDir.resolve(".local").resolve("share")).resolve(APP_FOLDER_UNIX);
            logs = xdg(env, "XDG_STATE_HOME", homeDir.resolve(".local").resolve("state")).resolve(APP_FOLDER_UNIX)
                    .resolve("logs");
        }
        config = pathOr(firstNonBlank(configProp, env.get("QFC_CONFIG_DIR")), config);
        Path overriddenData = pathOr(firstNonBlank(dataProp, env.get("QFC_DATA_DIR")), null);
        if (overriddenData != null) {
            data = overriddenData;
            logs = null;
        }
        return new AppDirectories(config, data, logs != null ? logs : data.resolve("logs"));
    }

    /** Where DJL and ONNX Runtime unpack their native libraries (never the system temp folder). */
    public Path nativeCache() {
        return data.resolve("native");
    }

    /**
     * The proof journal of versions before networks were told apart; it is kept as history. The journals now live in
     * {@code journals/} beside it, one per network (see {@code JournalShelf}).
     */
    public Path journalFile() {
        return data.resolve("journal.db");
    }

    /** The settings file. */
    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** An XDG base directory: the variable when it holds an absolute path, else the default (the spec's rule). */
    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        Path p = pathOr(env.get(variable), fallback);
        return p.isAbsolute() ? p : fallback;
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
