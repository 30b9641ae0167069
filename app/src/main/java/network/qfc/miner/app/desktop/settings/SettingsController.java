package network.qfc.miner.app.desktop.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import network.qfc.miner.app.autostart.StartAtLogin;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.app.desktop.firstrun.KeySetup;
import network.qfc.miner.app.desktop.firstrun.KeyStepController;
import network.qfc.miner.app.desktop.firstrun.LiveNodeCheck;
import network.qfc.miner.app.desktop.firstrun.NodeCheck;
import network.qfc.miner.app.desktop.firstrun.NodeStatus;
import network.qfc.miner.app.desktop.firstrun.PasswordStrength;
import network.qfc.miner.app.desktop.firstrun.WrittenKey;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.AppSettings.Network;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KeyFileException;
import network.qfc.miner.core.keys.Keychain;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps {@link AppSettings} into the {@link SettingsModel} and back: every change of a property is saved through the
 * {@link SettingsStore} (debounced) and handed to the live listener. Key actions (export, replace, change password)
 * and start at login run off the FX thread.
 */
final class SettingsController {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsController.class);
    private final SettingsModel model;
    private final SettingsStore store;
    private final Keychain keychain;
    private final StartAtLogin startAtLogin;
    private final Executor background;
    private final Consumer<AppSettings> onChange;
    private final Consumer<ValidatorKey> onKeyReplaced;
    private final LiveNodeCheck nodeCheck;
    private final KeyStepController keyStep;
    private boolean loading;

    SettingsController(SettingsModel model, SettingsStore store, KeySetup keySetup, NodeCheck check, Keychain keychain,
            StartAtLogin startAtLogin, Executor background, Consumer<AppSettings> onChange,
            Consumer<ValidatorKey> onKeyReplaced) {
        this.model = model;
        this.store = store;
        this.keychain = keychain;
        this.startAtLogin = startAtLogin;
        this.background = background;
        this.onChange = onChange;
        this.onKeyReplaced = onKeyReplaced;
        this.nodeCheck = new LiveNodeCheck(model.nodeCheck, check, background);
        this.keyStep = new KeyStepController(model.keyStep, keySetup, background);
        load(store.get());
        Observable[] saved = {model.network, model.customUrl, model.computeMode, model.backend, model.modelDir,
            model.cpuCap, model.idleMinutes, model.pauseOnBattery, model.minBattery, model.maxTemperature,
            model.keepMiningWhenBusy, model.startMinimized, model.closeToTray, model.theme, model.startMining,
            model.checkForUpdates};
        for (Observable o : saved) {
            o.addListener(x -> save());
        }
        model.startAtLogin.addListener((o, old, now) -> onStartAtLogin(now));
        model.miningHours.addListener((o, old, now) -> onMiningHours(now));
    }

    /** Typed mining hours: saved when understood; the next change (or what is wrong) shown either way. */
    private void onMiningHours(String text) {
        showNextChange(text);
        if (model.miningHoursValid.get()) {
            save();
        }
    }

    private void showNextChange(String text) {
        java.util.Optional<String> problem = MiningHoursText.problem(text);
        model.miningHoursValid.set(problem.isEmpty());
        model.miningHoursNext.set(problem.orElseGet(
                () -> MiningHoursText.nextChange(MiningHoursText.parse(text), java.time.ZonedDateTime.now())));
    }

    KeyStepController keyStep() {
        return keyStep;
    }

    void reload() {
        load(store.get());
    }

    /** Puts {@code s} into the model (without saving it again). */
    void load(AppSettings s) {
        loading = true;
        try {
            model.network.set(s.network());
            model.customUrl.set(s.customRpcUrl());
            model.computeMode.set(s.computeMode());
            model.backend.set(s.backend());
            model.modelDir.set(s.modelDir());
            model.cpuCap.set(s.cpuCapPercent());
            model.idleMinutes.set(s.idleOnlyMinutes());
            model.pauseOnBattery.set(s.pauseOnBattery());
            model.minBattery.set(s.minBatteryPercent());
            model.maxTemperature.set(s.maxTemperatureC());
            model.keepMiningWhenBusy.set(s.keepMiningWhenBusy());
            model.startAtLogin.set(s.startAtLogin());
            model.startMinimized.set(s.startMinimized());
            model.startMining.set(!Boolean.FALSE.equals(s.startMiningOnLaunch()));
            model.closeToTray.set(s.closeToTray());
            model.theme.set(s.theme());
            model.miningHours.set(s.miningHours());
            showNextChange(s.miningHours());
            model.checkForUpdates.set(!s.updateCheckOff());
            showKey(s.keystorePath());
        } finally {
            loading = false;
        }
    }

    /** The settings the model shows now. */
    AppSettings fromModel() {
        return store.get().withNetwork(model.network.get(), model.customUrl.get().strip())
                .withMining(model.computeMode.get(), model.backend.get(), model.modelDir.get())
                .withBackground(model.cpuCap.get(), model.idleMinutes.get(), model.pauseOnBattery.get(),
                        model.minBattery.get(), model.maxTemperature.get())
                .withKeepMiningWhenBusy(model.keepMiningWhenBusy.get())
                .withMiningHours(model.miningHoursValid.get() ? model.miningHours.get().strip() : store.get().miningHours())
                .withDesktop(model.startAtLogin.get(), model.startMinimized.get(), model.closeToTray.get(),
                        model.theme.get())
                .withStartMiningOnLaunch(model.startMining.get())
                .withUpdateCheck(model.checkForUpdates.get());
    }

    private void save() {
        if (loading) {
            return;
        }
        AppSettings s = fromModel();
        store.update(s);
        onChange.accept(s);
    }

    CompletableFuture<NodeStatus> onCheckNode() {
        Network n = model.network.get();
        if (n == Network.DEVNET) {
            nodeCheck.clear();
            return CompletableFuture.completedFuture(NodeStatus.down(""));
        }
        return nodeCheck.check(n == Network.CUSTOM ? model.customUrl.get().strip() : n.defaultRpcUrl());
    }

    private void onStartAtLogin(boolean enabled) {
        if (loading) {
            return;
        }
        save();
        CompletableFuture.runAsync(() -> {
            try {
                startAtLogin.setEnabled(enabled);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((ok, failure) -> UiThread.run(() -> {
            if (failure != null) {
                String why = failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
                LOG.warn("start at login could not be changed: {}", why);
                model.status.set("Start at login could not be " + (enabled ? "turned on" : "turned off") + ": " + why);
                loading = true;
                model.startAtLogin.set(!enabled);
                loading = false;
                save();
            } else {
                model.status.set(enabled ? "The app will start minimised to the tray when you log in."
                        : "The app will no longer start when you log in.");
            }
        }));
    }

    /** "Export encrypted copy…": copies the key file (still encrypted) to {@code target}. */
    CompletableFuture<Void> onExport(Path target) {
        Path source = Path.of(store.get().keystorePath());
        return CompletableFuture.runAsync(() -> {
            try {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new KeyFileException("could not copy the key file to " + target + ": " + e.getMessage(), e);
            }
        }, background).whenComplete((ok, failure) -> UiThread.run(() -> model.status.set(failure == null
                ? "Saved an encrypted copy of your key to " + target + ". It opens only with your password."
                : readable(failure))));
    }

    /** "Replace key…" done: the new key file is the app's key. */
    void onKeyReplaced(WrittenKey written) {
        boolean remember = store.get().rememberPassword() && keychain.available();
        char[] password = remember ? written.password().clone() : new char[0];
        written.wipePassword();
        AppSettings s = store.get().withKeystore(written.file().toString(), remember);
        store.update(s);
        showKey(s.keystorePath());
        model.status.set("Your key is now " + written.key().address() + ". The previous key file was kept beside it.");
        if (remember) {
            CompletableFuture.runAsync(() -> {
                try {
                    keychain.remember(Keychain.accountOf(written.file()), password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }, background);
        }
        onChange.accept(s);
        onKeyReplaced.accept(written.key());
    }

    /** "Change password…": re-encrypts the key file; the arrays are wiped. Completes with the message shown. */
    CompletableFuture<String> onChangePassword(char[] old, char[] fresh, char[] repeat) {
        String problem = !PasswordStrength.of(java.nio.CharBuffer.wrap(fresh)).acceptable()
                ? "The new password must have at least " + PasswordStrength.MINIMUM + " characters."
                : !Arrays.equals(fresh, repeat) ? "The two new passwords differ." : null;
        Arrays.fill(repeat, '\0');
        if (problem != null) {
            Arrays.fill(old, '\0');
            Arrays.fill(fresh, '\0');
            model.status.set(problem);
            return CompletableFuture.completedFuture(problem);
        }
        AppSettings s = store.get();
        Path file = Path.of(s.keystorePath());
        boolean remember = s.rememberPassword() && keychain.available();
        CompletableFuture<String> shown = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                EncryptedKeyFile.changePassword(file, old, fresh, keyStep.setup().kdf());
                if (remember) {
                    keychain.remember(Keychain.accountOf(file), fresh);
                }
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
        }, background).whenComplete((ok, failure) -> UiThread.run(() -> {
            String msg = failure == null ? "The password of your key file was changed." : readable(failure);
            model.status.set(msg);
            shown.complete(msg);
        }));
        return shown;
    }

    private void showKey(String keystorePath) {
        model.keyFile.set(keystorePath);
        if (keystorePath.isBlank() || !Files.exists(Path.of(keystorePath))) {
            model.address.set(keystorePath.isBlank() ? "No key yet" : "Key file missing: " + keystorePath);
            return;
        }
        try {
            model.address.set(EncryptedKeyFile.addressOf(Path.of(keystorePath)));
        } catch (KeyFileException e) {
            model.address.set(e.getMessage());
        }
    }

    private static String readable(Throwable failure) {
        Throwable t = failure.getCause() != null ? failure.getCause() : failure;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
