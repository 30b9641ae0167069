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
                .contains("Exec=\"/opt/qfc desktop miner/bin/QFC Desktop Miner\" --minimized\n")
                .contains("Icon=qfc-desktop-miner\n").contains("X-QFC-Desktop-Miner=true\n");
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
    void aRelativeXdgConfigHomeIsIgnored() {
        StartAtLogin s = new StartAtLogin("Linux", home, "relative/xdg", List.of("qfc"));
        assertThat(s.entryFile()).isEqualTo(home.resolve(".config/autostart/qfc-desktop-miner.desktop"));
    }

    @Test
    void thePackagedLauncherIsNamedByItsLinkOnThePathWhenTheLinkLeadsToIt() throws Exception {
        Path launcher = Files.createDirectories(home.resolve("opt/bin")).resolve("qfc-desktop-miner");
        Files.writeString(launcher, "#!/bin/sh\n");
        Path link = Files.createSymbolicLink(home.resolve("usr-bin-link"), launcher);
        assertThat(StartAtLogin.onPath(launcher, link)).isEqualTo(link);
        Path elsewhere = Files.createSymbolicLink(home.resolve("other-link"), Files.writeString(home.resolve("x"), ""));
        assertThat(StartAtLogin.onPath(launcher, elsewhere)).isEqualTo(launcher);
        assertThat(StartAtLogin.onPath(launcher, home.resolve("missing"))).isEqualTo(launcher);
    }

    @Test
    void theJarOfAClassInAFolderWithASpaceIsFoundDecoded() throws Exception {
        // the old code took URL.getPath(): "a%20folder", a path that does not exist
        Path jar = Files.createDirectories(home.resolve("a folder with spaces")).resolve("app.jar");
        String entry = StartAtLogin.class.getName().replace('.', '/') + ".class";
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var in = StartAtLogin.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            in.transferTo(out);
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            Class<?> fromJar = loader.loadClass(StartAtLogin.class.getName());
            assertThat(StartAtLogin.jarOf(fromJar)).isEqualTo(jar).exists();
        }
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
