package network.qfc.miner.app.desktop.firstrun;

import java.util.Optional;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * What first-run setup ends with: the saved settings ({@code firstRunDone}, network, key file), the unlocked key
 * (empty for the devnet, whose key the core generates) and whether to start mining at once.
 */
public record FirstRunResult(AppSettings settings, Optional<ValidatorKey> key, boolean startNow) {
    @Override
    public String toString() {
        return "FirstRunResult[" + settings.network() + ", key " + key.map(k -> k.address().toString()).orElse("none")
                + ", startNow=" + startNow + "]";
    }
}
