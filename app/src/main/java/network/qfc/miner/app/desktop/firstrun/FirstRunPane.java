package network.qfc.miner.app.desktop.firstrun;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Node;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.Keychain;

/**
 * First-run setup as one pane to put in the window (instead of the main frame) until it is done: network, key,
 * then "Start mining now" or "Later". {@code onDone} is called on the FX thread with the result once the settings
 * are saved.
 */
public final class FirstRunPane {
    private final FirstRunModel model = new FirstRunModel();
    private final FirstRunController controller;
    private final FirstRunView view;

    /**
     * @param settings   the app's settings (updated with network, key file, firstRunDone)
     * @param keySetup   where the key goes ({@link KeySetup#inDataDirectory})
     * @param check      the live node check ({@link RpcNodeCheck#withDefaultTimeouts()})
     * @param keychain   the OS keychain ({@code OsKeychain.open(...)}, opened off the FX thread) or a {@code NoKeychain}
     * @param background where slow work runs (scrypt, RPC, keychain)
     * @param onDone     the result, on the FX thread
     */
    public FirstRunPane(SettingsStore settings, KeySetup keySetup, NodeCheck check, Keychain keychain,
            Executor background, Consumer<FirstRunResult> onDone) {
        this.controller = new FirstRunController(model, settings, keySetup, check, keychain, background, onDone);
        this.view = new FirstRunView(model, controller);
    }

    public Node view() {
        return view.root();
    }

    public FirstRunModel model() {
        return model;
    }

    public FirstRunController controller() {
        return controller;
    }
}
