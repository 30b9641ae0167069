package network.qfc.miner.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import network.qfc.miner.app.settings.AppSettings.Network;
import network.qfc.miner.app.settings.AppSettings.ThemeChoice;
import org.junit.jupiter.api.Test;

/** Each wither changes its own fields and keeps every other one, and the constructor's checks still apply. */
class AppSettingsTest {
    /** Every field away from its default, so a wither that dropped or swapped one shows. */
    private static final AppSettings ALL_SET = new AppSettings(1, true, Network.MAINNET, "https://rpc.example.org",
            "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35, 95, true, true, true, false,
            ThemeChoice.DARK, false, "sat-sun all", true);

    @Test
    void eachWitherChangesOnlyItsOwnFields() {
        assertThat(ALL_SET.withFirstRunDone(false)).isEqualTo(new AppSettings(1, false, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35,
                95, true, true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withNetwork(Network.CUSTOM, "http://127.0.0.1:9545")).isEqualTo(new AppSettings(1, true,
                Network.CUSTOM, "http://127.0.0.1:9545", "/keys/validator.json", true, "inference", "cuda", "/models", 70,
                15, false, 35, 95, true, true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withKeystore("/other.json", false)).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/other.json", false, "inference", "cuda", "/models", 70, 15, false, 35, 95, true,
                true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withMining("auto", "cpu", "/elsewhere")).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "auto", "cpu", "/elsewhere", 70, 15, false, 35,
                95, true, true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withBackground(20, 3, true, 50, 60)).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 20, 3, true, 50,
                60, true, true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withKeepMiningWhenBusy(false)).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35,
                95, false, true, true, false, ThemeChoice.DARK, false, "sat-sun all", true));
        assertThat(ALL_SET.withDesktop(false, false, true, ThemeChoice.LIGHT)).isEqualTo(new AppSettings(1, true,
                Network.MAINNET, "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models",
                70, 15, false, 35, 95, true, false, false, true, ThemeChoice.LIGHT, false, "sat-sun all", true));
        assertThat(ALL_SET.withStartMiningOnLaunch(true)).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35,
                95, true, true, true, false, ThemeChoice.DARK, true, "sat-sun all", true));
    }

    @Test
    void miningHoursHaveTheirOwnWitherAndBlankMeansAlways() {
        assertThat(ALL_SET.withMiningHours("mon-fri 22:00-07:00")).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35,
                95, true, true, true, false, ThemeChoice.DARK, false, "mon-fri 22:00-07:00", true));
        assertThat(ALL_SET.withMiningHours(" ").miningHours()).isEqualTo("always");
        assertThat(AppSettings.defaults().miningHours()).isEqualTo("always");
        assertThat(ALL_SET.withUpdateCheck(true)).isEqualTo(new AppSettings(1, true, Network.MAINNET,
                "https://rpc.example.org", "/keys/validator.json", true, "inference", "cuda", "/models", 70, 15, false, 35,
                95, true, true, true, false, ThemeChoice.DARK, false, "sat-sun all", false));
        assertThat(AppSettings.defaults().updateCheckOff()).as("on unless turned off").isFalse();
    }

    @Test
    void aWitherIsCheckedLikeTheConstructor() {
        AppSettings s = ALL_SET.withBackground(500, -1, true, 200, 20).withNetwork(null, null);
        assertThat(s.cpuCapPercent()).isEqualTo(100);
        assertThat(s.idleOnlyMinutes()).isZero();
        assertThat(s.minBatteryPercent()).isEqualTo(100);
        assertThat(s.maxTemperatureC()).isEqualTo(40);
        assertThat(s.network()).isEqualTo(Network.TESTNET);
        assertThat(s.customRpcUrl()).isEmpty();
        assertThat(ALL_SET.withFirstRunDone(true)).isEqualTo(ALL_SET).isNotSameAs(ALL_SET);
    }
}
