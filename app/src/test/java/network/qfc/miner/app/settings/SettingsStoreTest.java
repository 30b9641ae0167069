package network.qfc.miner.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aFirstStartUsesTheDefaultsAndWritesNothingUntilAChange() {
        Path file = dir.resolve("cfg/settings.json");
        try (SettingsStore store = new SettingsStore(file, Duration.ofSeconds(1))) {
            assertThat(store.get()).isEqualTo(AppSettings.defaults());
            assertThat(store.get().effectiveRpcUrl()).isEqualTo("https://rpc.testnet.qfc.network");
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void changesSurviveARestartAndPendingSavesAreFlushedOnClose() {
        Path file = dir.resolve("settings.json");
        try (SettingsStore store = new SettingsStore(file, Duration.ofHours(1))) {
            store.update(store.get().withNetwork(AppSettings.Network.CUSTOM, "http://127.0.0.1:9545")
                    .withBackground(30, 5, false, 40, 70)
                    .withDesktop(true, true, false, AppSettings.ThemeChoice.DARK)
                    .withFirstRunDone(true));
            assertThat(Files.exists(file)).as("debounced: not written yet").isFalse();
        }
        try (SettingsStore again = new SettingsStore(file, Duration.ofSeconds(1))) {
            AppSettings s = again.get();
            assertThat(s.firstRunDone()).isTrue();
            assertThat(s.effectiveRpcUrl()).isEqualTo("http://127.0.0.1:9545");
            assertThat(s.cpuCapPercent()).isEqualTo(30);
            assertThat(s.idleOnlyMinutes()).isEqualTo(5);
            assertThat(s.pauseOnBattery()).isFalse();
            assertThat(s.maxTemperatureC()).isEqualTo(70);
            assertThat(s.theme()).isEqualTo(AppSettings.ThemeChoice.DARK);
            assertThat(s.closeToTray()).isFalse();
        }
        assertThat(dir.resolve("settings.json.tmp")).doesNotExist();
    }

    @Test
    void aBurstOfChangesIsWrittenOnceAfterTheQuietPeriod() throws Exception {
        Path file = dir.resolve("settings.json");
        try (SettingsStore store = new SettingsStore(file, Duration.ofMillis(200))) {
            for (int cap = 10; cap <= 100; cap += 10) {
                store.update(store.get().withBackground(cap, 0, true, 20, 85));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(file)).contains("\"cpuCapPercent\" : 100");
        }
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsUsedWithAReason() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ this is not json");
        try (SettingsStore store = new SettingsStore(file, Duration.ofSeconds(1))) {
            assertThat(store.get()).isEqualTo(AppSettings.defaults());
            assertThat(store.loadProblem()).contains("could not be read").contains("settings.json.broken");
        }
        assertThat(Files.readString(dir.resolve("settings.json.broken"))).isEqualTo("{ this is not json");
    }

    @Test
    void outOfRangeValuesAreClampedAndUnknownKeysIgnored() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"cpuCapPercent\": 500, \"maxTemperatureC\": 5, \"fromTheFuture\": true}");
        try (SettingsStore store = new SettingsStore(file, Duration.ofSeconds(1))) {
            assertThat(store.get().cpuCapPercent()).isEqualTo(100);
            assertThat(store.get().maxTemperatureC()).isEqualTo(40);
            assertThat(store.loadProblem()).isNull();
        }
    }
}
