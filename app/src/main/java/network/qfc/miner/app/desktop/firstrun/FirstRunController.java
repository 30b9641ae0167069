package network.qfc.miner.app.desktop.firstrun;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.app.settings.AppSettings.Network;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.keys.Keychain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-run setup: network (checked live), key (skipped for the devnet), then remember the password and start now
 * or later. Ends by saving the settings with {@code firstRunDone} and handing a {@link FirstRunResult} on.
 */
public final class FirstRunController {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunController.class);
    private final FirstRunModel model;
    private final SettingsStore settings;
    private final Keychain keychain;
    private final Executor background;
    private final Consumer<FirstRunResult> onDone;
    private final LiveNodeCheck nodeCheck;
    private final KeyStepController keyStep;
    private WrittenKey written;

    public FirstRunController(FirstRunModel model, SettingsStore settings, KeySetup keySetup, NodeCheck check,
            Keychain keychain, Executor background, Consumer<FirstRunResult> onDone) {
        this.model = model;
        this.settings = settings;
        this.keychain = keychain;
        this.background = background;
        this.onDone = onDone;
        this.nodeCheck = new LiveNodeCheck(model.nodeCheck, check, background);
        this.keyStep = new KeyStepController(model.keyStep, keySetup, background);
        AppSettings s = settings.get();
        model.network.set(s.network());
        model.customUrl.set(s.customRpcUrl());
        model.rememberAvailable.set(keychain.available());
        model.keychainStatus.set(keychain.available() ? keychain.status()
                : "No OS keychain is available here: the password will be asked each time mining starts.");
        model.keyFile.set(keySetup.keyFile().toString());
    }

    public KeyStepController keyStep() {
        return keyStep;
    }

    /** The URL the chosen network uses, or empty for the devnet. */
    String chosenUrl() {
        Network n = model.network.get();
        return n == Network.CUSTOM ? model.customUrl.get().strip() : Optional.ofNullable(n.defaultRpcUrl()).orElse("");
    }

    /** Checks the chosen network's node live (nothing to check for the devnet). */
    public CompletableFuture<NodeStatus> onCheck() {
        if (model.network.get() == Network.DEVNET) {
            nodeCheck.clear();
            return CompletableFuture.completedFuture(NodeStatus.down(""));
        }
        return nodeCheck.check(chosenUrl());
    }

    /** Network chosen: on to the key, or straight to the end for the devnet. */
    public void onNetworkNext() {
        if (model.network.get() == Network.CUSTOM) {
            try {
                RpcEndpoint.parse(model.customUrl.get());
            } catch (IllegalArgumentException e) {
                model.networkError.set(e.getMessage());
                return;
            }
        }
        model.networkError.set("");
        model.step.set(model.network.get() == Network.DEVNET ? FirstRunModel.STEP_DONE : FirstRunModel.STEP_KEY);
    }

    public void onBack() {
        if (model.step.get() == FirstRunModel.STEP_DONE && model.network.get() != Network.DEVNET && written == null) {
            model.step.set(FirstRunModel.STEP_KEY);
        } else if (model.step.get() == FirstRunModel.STEP_DONE && written != null) {
            return; // the key is written: going back would only confuse; Settings can replace it
        } else {
            model.step.set(FirstRunModel.STEP_NETWORK);
        }
    }

    /** The key was written (from {@link KeyStepView#submit()}): show its address. */
    public void onKeyWritten(WrittenKey key) {
        this.written = key;
        model.address.set(key.key().address().toString());
        model.keyFile.set(key.file().toString());
        model.step.set(FirstRunModel.STEP_DONE);
    }

    /** "Start mining now" or "Later": remember the password if asked, save the settings, hand the result on. */
    public CompletableFuture<FirstRunResult> onFinish(boolean startNow) {
        model.finishing.set(true);
        model.finishError.set("");
        boolean remember = model.remember.get() && written != null && keychain.available();
        WrittenKey key = written;
        Network network = model.network.get();
        String customUrl = network == Network.CUSTOM ? model.customUrl.get().strip() : settings.get().customRpcUrl();
        CompletableFuture<FirstRunResult> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            if (remember) {
                keychain.remember(Keychain.accountOf(key.file()), key.password());
            }
        }, background).whenComplete((ok, failure) -> UiThread.run(() -> {
            model.finishing.set(false);
            boolean remembered = remember && failure == null;
            if (failure != null) {
                String why = failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
                LOG.warn("could not remember the password: {}", why);
                model.finishError.set("The password could not be remembered (" + why + "); it will be asked at start.");
            }
            if (key != null) {
                key.wipePassword();
            }
            AppSettings s = settings.get().withNetwork(network, customUrl)
                    .withKeystore(key == null ? settings.get().keystorePath() : key.file().toString(), remembered)
                    .withFirstRunDone(true);
            settings.update(s);
            FirstRunResult result = new FirstRunResult(s, Optional.ofNullable(key).map(WrittenKey::key), startNow);
            LOG.info("first run done: {}", result);
            onDone.accept(result);
            done.complete(result);
        }));
        return done;
    }
}
