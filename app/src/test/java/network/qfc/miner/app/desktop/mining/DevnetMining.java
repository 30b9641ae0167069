package network.qfc.miner.app.desktop.mining;

import java.nio.file.Path;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.MiningGate;

/** The desktop's mining control as the app builds it, against its embedded devnet, CPU, folders under {@code home}. */
public final class DevnetMining {
    private DevnetMining() {
    }

    public static MiningControl control(Path home) {
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "")
                .withMining("inference", "cpu", home.resolve("models").toString());
        return new MiningControl(AppDirectories.under(home), () -> settings, () -> {
            throw new AssertionError("the devnet needs no password");
        }, () -> MiningGate.OPEN);
    }
}
