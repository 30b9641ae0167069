package network.qfc.miner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XDG base-directory rules on Linux, and the other systems' folders. */
class AppDirectoriesTest {

    private static AppDirectories linux(Map<String, String> env) {
        return AppDirectories.resolve("Linux", "/home/ada", env, null, null);
    }

    @Test
    void linuxDefaultsFollowTheXdgSpec() {
        AppDirectories d = linux(Map.of());
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/qfc-desktop-miner"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/qfc-desktop-miner"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ada/.local/state/qfc-desktop-miner/logs"));
    }

    @Test
    void absoluteXdgVariablesAreUsedAndLogsGoUnderXdgStateHome() {
        AppDirectories d = linux(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/dat", "XDG_STATE_HOME", "/st"));
        assertThat(d.config()).isEqualTo(Path.of("/cfg/qfc-desktop-miner"));
        assertThat(d.data()).isEqualTo(Path.of("/dat/qfc-desktop-miner"));
        assertThat(d.logs()).isEqualTo(Path.of("/st/qfc-desktop-miner/logs"));
    }

    @Test
    void relativeXdgVariablesAreIgnored() {
        AppDirectories d = linux(Map.of("XDG_CONFIG_HOME", "cfg", "XDG_DATA_HOME", "./dat", "XDG_STATE_HOME", "st/x"));
        assertThat(d).isEqualTo(linux(Map.of()));
    }

    @Test
    void anOverriddenDataFolderKeepsItsLogsInside() {
        AppDirectories d = AppDirectories.resolve("Linux", "/home/ada", Map.of("XDG_STATE_HOME", "/st"), null, "/tmp/q");
        assertThat(d.data()).isEqualTo(Path.of("/tmp/q"));
        assertThat(d.logs()).isEqualTo(Path.of("/tmp/q/logs"));
    }

    @Test
    void macAndWindowsKeepTheirOwnFolders() {
        assertThat(AppDirectories.resolve("Mac OS X", "/Users/ada", Map.of("XDG_STATE_HOME", "/st"), null, null).logs())
                .isEqualTo(Path.of("/Users/ada/Library/Logs/QFC Desktop Miner"));
        AppDirectories w = AppDirectories.resolve("Windows 11", "/home/ada", Map.of("LOCALAPPDATA", "/la"), null, null);
        assertThat(w.data()).isEqualTo(Path.of("/la/QFC Desktop Miner"));
        assertThat(w.logs()).isEqualTo(Path.of("/la/QFC Desktop Miner/logs"));
    }
}
