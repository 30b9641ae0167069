package network.qfc.miner.app.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartAtLoginTest {

    @TempDir
    Path home;

    @Test
    void linuxWritesAnXdgAutostartEntryThatStartsMinimisedAndRemovesIt() throws Exception {
        StartAtLogin s = new StartAtLogin("Linux", home, null, List.of("/opt/qfc desktop miner/bin/QFC Desktop Miner"));
        assertThat(s.isEnabled()).isFalse();
        s.setEnabled(true);
        Path entry = home.resolve(".config/autostart/qfc-desktop-miner.desktop");
        assertThat(s.entryFile()).isEqualTo(entry);
        assertThat(s.isEnabled()).isTrue();
        String text = Files.readString(entry);
        assertThat(text).startsWith("[Desktop Entry]\n").contains("Type=Application\n")
                .contains("Exec=\"/opt/qfc desktop miner/bin/QFC Desktop Miner\" --minimized\n");
        assertThat(Files.list(entry.getParent())).containsExactly(entry);
        s.setEnabled(false);
        assertThat(Files.exists(entry)).isFalse();
        assertThat(s.isEnabled()).isFalse();
    }

    @Test
    void linuxHonoursXdgConfigHome() {
        Path xdg = home.resolve("xdg");
        StartAtLogin s = new StartAtLogin("Linux", home, xdg.toString(), List.of("qfc"));
        assertThat(s.entryFile()).isEqualTo(xdg.resolve("autostart/qfc-desktop-miner.desktop"));
    }

    @Test
    void macWritesALaunchAgentRunAtLoad() throws Exception {
        StartAtLogin s = new StartAtLogin("Mac OS X", home, null, List.of("/Applications/QFC Desktop Miner.app/Contents/MacOS/QFC Desktop Miner"));
        s.setEnabled(true);
        Path plist = home.resolve("Library/LaunchAgents/network.qfc.desktop-miner.plist");
        assertThat(Files.readString(plist))
                .contains("<key>Label</key>\n  <string>network.qfc.desktop-miner</string>")
                .contains("<string>/Applications/QFC Desktop Miner.app/Contents/MacOS/QFC Desktop Miner</string>\n    <string>--minimized</string>")
                .contains("<key>RunAtLoad</key>\n  <true/>");
    }

    @Test
    void windowsQuotesTheProgramPathForTheRunKey() {
        StartAtLogin s = new StartAtLogin("Windows 11", home, null, List.of("C:\\Program Files\\QFC Desktop Miner\\QFC Desktop Miner.exe"));
        assertThat(s.entryFile()).isNull();
        assertThat(s.windowsCommandLine()).isEqualTo("\"C:\\Program Files\\QFC Desktop Miner\\QFC Desktop Miner.exe\" --minimized");
    }
}
