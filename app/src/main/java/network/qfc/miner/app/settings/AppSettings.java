package network.qfc.miner.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * Everything the user chooses in the app, as saved to {@code settings.json} in the OS config directory.
 * Never holds a secret: the key lives in its own encrypted key file, its password in the OS keychain.
 * Unknown keys in the file are ignored (a newer version's settings open in an older one).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(
        int version,
        boolean firstRunDone,
        Network network,
        String customRpcUrl,
        String keystorePath,
        boolean rememberPassword,
        String computeMode,
        String backend,
        String modelDir,
        int cpuCapPercent,
        int idleOnlyMinutes,
        boolean pauseOnBattery,
        int minBatteryPercent,
        int maxTemperatureC,
        boolean startAtLogin,
        boolean startMinimized,
        boolean closeToTray,
        ThemeChoice theme) {

    public static final int CURRENT_VERSION = 1;

    /** Which QFC network the miner talks to. */
    public enum Network {
        TESTNET("Testnet", "https://rpc.testnet.qfc.network"),
        MAINNET("Mainnet", "https://rpc.qfc.network"),
        DEVNET("Devnet on this computer", null),
        CUSTOM("Custom RPC URL", null);

        private final String label;
        private final String rpcUrl;

        Network(String label, String rpcUrl) {
            this.label = label;
            this.rpcUrl = rpcUrl;
        }

        public String label() {
            return label;
        }

        /** The public endpoint, or null for the devnet (its URL is known once it runs) and a custom URL. */
        public String defaultRpcUrl() {
            return rpcUrl;
        }
    }

    /** Light, dark, or whatever the operating system uses. */
    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    public AppSettings {
        network = Objects.requireNonNullElse(network, Network.TESTNET);
        customRpcUrl = Objects.requireNonNullElse(customRpcUrl, "");
        keystorePath = Objects.requireNonNullElse(keystorePath, "");
        computeMode = Objects.requireNonNullElse(computeMode, "auto");
        backend = Objects.requireNonNullElse(backend, "auto");
        modelDir = Objects.requireNonNullElse(modelDir, "");
        theme = Objects.requireNonNullElse(theme, ThemeChoice.SYSTEM);
        cpuCapPercent = clamp(cpuCapPercent == 0 ? 50 : cpuCapPercent, 10, 100);
        idleOnlyMinutes = clamp(idleOnlyMinutes, 0, 24 * 60);
        minBatteryPercent = clamp(minBatteryPercent, 0, 100);
        maxTemperatureC = maxTemperatureC == 0 ? 85 : clamp(maxTemperatureC, 40, 110);
    }

    /** What a first start uses: testnet, half the CPU, pause on battery, hide to tray, follow the OS theme. */
    public static AppSettings defaults() {
        return new AppSettings(CURRENT_VERSION, false, Network.TESTNET, "", "", false, "auto", "auto", "",
                50, 0, true, 20, 85, false, false, true, ThemeChoice.SYSTEM);
    }

    /** The RPC URL to use, or empty when the devnet decides it at start. */
    public String effectiveRpcUrl() {
        return network == Network.CUSTOM ? customRpcUrl : Objects.requireNonNullElse(network.defaultRpcUrl(), "");
    }

    public AppSettings withFirstRunDone(boolean done) {
        return new AppSettings(version, done, network, customRpcUrl, keystorePath, rememberPassword, computeMode, backend,
                modelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent, maxTemperatureC, startAtLogin,
                startMinimized, closeToTray, theme);
    }

    public AppSettings withNetwork(Network newNetwork, String newCustomUrl) {
        return new AppSettings(version, firstRunDone, newNetwork, newCustomUrl, keystorePath, rememberPassword, computeMode,
                backend, modelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent, maxTemperatureC,
                startAtLogin, startMinimized, closeToTray, theme);
    }

    public AppSettings withKeystore(String path, boolean remember) {
        return new AppSettings(version, firstRunDone, network, customRpcUrl, path, remember, computeMode, backend, modelDir,
                cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent, maxTemperatureC, startAtLogin,
                startMinimized, closeToTray, theme);
    }

    public AppSettings withMining(String newComputeMode, String newBackend, String newModelDir) {
        return new AppSettings(version, firstRunDone, network, customRpcUrl, keystorePath, rememberPassword, newComputeMode,
                newBackend, newModelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent,
                maxTemperatureC, startAtLogin, startMinimized, closeToTray, theme);
    }

    public AppSettings withBackground(int newCpuCap, int newIdleMinutes, boolean newPauseOnBattery, int newMinBattery,
            int newMaxTemp) {
        return new AppSettings(version, firstRunDone, network, customRpcUrl, keystorePath, rememberPassword, computeMode,
                backend, modelDir, newCpuCap, newIdleMinutes, newPauseOnBattery, newMinBattery, newMaxTemp, startAtLogin,
                startMinimized, closeToTray, theme);
    }

    public AppSettings withDesktop(boolean newStartAtLogin, boolean newStartMinimized, boolean newCloseToTray,
            ThemeChoice newTheme) {
        return new AppSettings(version, firstRunDone, network, customRpcUrl, keystorePath, rememberPassword, computeMode,
                backend, modelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent, maxTemperatureC,
                newStartAtLogin, newStartMinimized, newCloseToTray, newTheme);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
