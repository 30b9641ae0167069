package network.qfc.miner.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;
import java.util.function.Consumer;

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
        boolean keepMiningWhenBusy,
        boolean startAtLogin,
        boolean startMinimized,
        boolean closeToTray,
        ThemeChoice theme,
        Boolean startMiningOnLaunch,
        String miningHours,
        boolean updateCheckOff) {

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
        miningHours = miningHours == null || miningHours.isBlank() ? "always" : miningHours.trim();
        cpuCapPercent = clamp(cpuCapPercent == 0 ? 50 : cpuCapPercent, 10, 100);
        idleOnlyMinutes = clamp(idleOnlyMinutes, 0, 24 * 60);
        minBatteryPercent = clamp(minBatteryPercent, 0, 100);
        maxTemperatureC = maxTemperatureC == 0 ? 85 : clamp(maxTemperatureC, 40, 110);
    }

    /** Settings written before "Start mining when the app starts", mining hours and the update check existed. */
    public AppSettings(int version, boolean firstRunDone, Network network, String customRpcUrl, String keystorePath,
            boolean rememberPassword, String computeMode, String backend, String modelDir, int cpuCapPercent,
            int idleOnlyMinutes, boolean pauseOnBattery, int minBatteryPercent, int maxTemperatureC,
            boolean keepMiningWhenBusy, boolean startAtLogin, boolean startMinimized, boolean closeToTray,
            ThemeChoice theme) {
        this(version, firstRunDone, network, customRpcUrl, keystorePath, rememberPassword, computeMode, backend,
                modelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent, maxTemperatureC,
                keepMiningWhenBusy, startAtLogin, startMinimized, closeToTray, theme, null, "always", false);
    }

    /**
     * Whether mining starts with the app (a normal start, {@code --minimized}, start at login): on unless the user
     * turned it off, and only once the first run is done with a key (or the devnet, which needs none).
     */
    public boolean startsMiningOnLaunch() {
        return !Boolean.FALSE.equals(startMiningOnLaunch) && firstRunDone
                && (network == Network.DEVNET || !keystorePath.isBlank());
    }

    /** "Start mining when the app starts" (the first run's "start now" sets it too). */
    public AppSettings withStartMiningOnLaunch(boolean start) {
        return edit(d -> d.startMiningOnLaunch = start);
    }

    /** What a first start uses: testnet, half the CPU, pause on battery, hide to tray, follow the OS theme. */
    public static AppSettings defaults() {
        return new AppSettings(CURRENT_VERSION, false, Network.TESTNET, "", "", false, "auto", "auto", "",
                50, 0, true, 20, 85, false, false, false, true, ThemeChoice.SYSTEM, null, "always", false);
    }

    /** The RPC URL to use, or empty when the devnet decides it at start. */
    public String effectiveRpcUrl() {
        return network == Network.CUSTOM ? customRpcUrl : Objects.requireNonNullElse(network.defaultRpcUrl(), "");
    }

    public AppSettings withFirstRunDone(boolean done) {
        return edit(d -> d.firstRunDone = done);
    }

    public AppSettings withNetwork(Network newNetwork, String newCustomUrl) {
        return edit(d -> { d.network = newNetwork; d.customRpcUrl = newCustomUrl; });
    }

    public AppSettings withKeystore(String path, boolean remember) {
        return edit(d -> { d.keystorePath = path; d.rememberPassword = remember; });
    }

    public AppSettings withMining(String newComputeMode, String newBackend, String newModelDir) {
        return edit(d -> { d.computeMode = newComputeMode; d.backend = newBackend; d.modelDir = newModelDir; });
    }

    public AppSettings withBackground(int newCpuCap, int newIdleMinutes, boolean newPauseOnBattery, int newMinBattery,
            int newMaxTemp) {
        return edit(d -> { d.cpuCapPercent = newCpuCap; d.idleOnlyMinutes = newIdleMinutes;
            d.pauseOnBattery = newPauseOnBattery; d.minBatteryPercent = newMinBattery; d.maxTemperatureC = newMaxTemp; });
    }

    /** Whether mining goes on when other programs need the CPU (off: it throttles, then pauses, for them). */
    public AppSettings withKeepMiningWhenBusy(boolean keep) {
        return edit(d -> d.keepMiningWhenBusy = keep);
    }

    public AppSettings withDesktop(boolean newStartAtLogin, boolean newStartMinimized, boolean newCloseToTray,
            ThemeChoice newTheme) {
        return edit(d -> { d.startAtLogin = newStartAtLogin; d.startMinimized = newStartMinimized;
            d.closeToTray = newCloseToTray; d.theme = newTheme; });
    }

    /**
     * The hours mining may run, in the text the headless {@code mine --schedule} takes (miner-core's
     * {@code MiningSchedule}: "mon-fri 22:00-07:00, sat-sun all"; "always" for no restriction). Checked by the settings
     * screen before it is saved.
     */
    public AppSettings withMiningHours(String schedule) {
        return edit(d -> d.miningHours = schedule);
    }

    /** Whether the app checks once a day for a newer version (on unless the user turned it off). */
    public AppSettings withUpdateCheck(boolean on) {
        return edit(d -> d.updateCheckOff = !on);
    }

    /** These settings with the changes {@code change} makes to a copy of their fields (checked again by the constructor). */
    private AppSettings edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.settings();
    }

    /** The fields of an {@link AppSettings} while a wither changes some of them; private to the withers. */
    private static final class Draft {
        int version;
        boolean firstRunDone;
        Network network;
        String customRpcUrl;
        String keystorePath;
        boolean rememberPassword;
        String computeMode;
        String backend;
        String modelDir;
        int cpuCapPercent;
        int idleOnlyMinutes;
        boolean pauseOnBattery;
        int minBatteryPercent;
        int maxTemperatureC;
        boolean keepMiningWhenBusy;
        boolean startAtLogin;
        boolean startMinimized;
        boolean closeToTray;
        ThemeChoice theme;
        Boolean startMiningOnLaunch;
        String miningHours;
        boolean updateCheckOff;

        Draft(AppSettings s) {
            version = s.version;
            firstRunDone = s.firstRunDone;
            network = s.network;
            customRpcUrl = s.customRpcUrl;
            keystorePath = s.keystorePath;
            rememberPassword = s.rememberPassword;
            computeMode = s.computeMode;
            backend = s.backend;
            modelDir = s.modelDir;
            cpuCapPercent = s.cpuCapPercent;
            idleOnlyMinutes = s.idleOnlyMinutes;
            pauseOnBattery = s.pauseOnBattery;
            minBatteryPercent = s.minBatteryPercent;
            maxTemperatureC = s.maxTemperatureC;
            keepMiningWhenBusy = s.keepMiningWhenBusy;
            startAtLogin = s.startAtLogin;
            startMinimized = s.startMinimized;
            closeToTray = s.closeToTray;
            theme = s.theme;
            startMiningOnLaunch = s.startMiningOnLaunch;
            miningHours = s.miningHours;
            updateCheckOff = s.updateCheckOff;
        }

        AppSettings settings() {
            return new AppSettings(version, firstRunDone, network, customRpcUrl, keystorePath, rememberPassword,
                    computeMode, backend, modelDir, cpuCapPercent, idleOnlyMinutes, pauseOnBattery, minBatteryPercent,
                    maxTemperatureC, keepMiningWhenBusy, startAtLogin, startMinimized, closeToTray, theme,
                    startMiningOnLaunch, miningHours, updateCheckOff);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
