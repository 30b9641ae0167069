package network.qfc.miner.app.desktop.settings;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Node;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.Page;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.NodeCheck;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.Keychain;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * The Settings page: network and RPC URL (checked live), key (address, export, replace, change password), compute
 * mode, backend, model folder, background behaviour, start at login, tray and theme. Every change is saved
 * (debounced) and handed to {@code onChange} at once; the theme applies itself.
 */
public final class SettingsPage implements Page {
    private final SettingsModel model = new SettingsModel();
    private final SettingsController controller;
    private final SettingsView view;

    /**
     * @param store         the app's settings
     * @param keySetup      the app's key file ({@code KeySetup.inDataDirectory(dirs)}), for "Replace key…"
     * @param check         the live node check
     * @param keychain      the OS keychain or a {@code NoKeychain}
     * @param startAtLogin  {@code StartAtLogin.forThisProcess()}
     * @param background    where slow work runs
     * @param onChange      every change, on the FX thread (the lead wires it to the runtime)
     * @param onKeyReplaced the new unlocked key after "Replace key…", on the FX thread
     */
    public SettingsPage(SettingsStore store, KeySetup keySetup, NodeCheck check, Keychain keychain,
            StartAtLogin startAtLogin, Executor background, Consumer<AppSettings> onChange,
            Consumer<ValidatorKey> onKeyReplaced) {
        this.controller = new SettingsController(model, store, keySetup, check, keychain, startAtLogin, background,
                onChange, onKeyReplaced);
        this.view = new SettingsView(model, controller);
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node view() {
        return view.root();
    }

    /** Shows the settings as they are now (first run or the tray may have changed them). */
    @Override
    public void onActivate() {
        controller.reload();
    }

    public SettingsModel model() {
        return model;
    }
}
