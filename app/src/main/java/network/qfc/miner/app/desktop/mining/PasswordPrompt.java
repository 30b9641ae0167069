package network.qfc.miner.app.desktop.mining;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import network.qfc.miner.core.keys.KeyFileException;
import network.qfc.miner.core.keys.PasswordSource;

/**
 * The key file's password for the desktop: asked in a dialog on the FX thread while the miner's start thread
 * waits (never on the FX thread itself). Cancelling stops the start with a clear reason.
 */
public final class PasswordPrompt implements PasswordSource {
    private final String keyFile;
    private final Runnable asking;

    public PasswordPrompt(String keyFile) {
        this(keyFile, () -> { });
    }

    /** @param asking told each time the dialog opens (a desktop notification: the window may be in the tray) */
    public PasswordPrompt(String keyFile, Runnable asking) {
        this.keyFile = keyFile;
        this.asking = asking;
    }

    @Override
    public char[] password() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the password prompt must not block the FX thread");
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        asking.run();
        Platform.runLater(() -> {
            PasswordField field = new PasswordField();
            field.setId("unlock-password");
            Dialog<char[]> dialog = new Dialog<>();
            dialog.setTitle("Unlock your miner key");
            dialog.setHeaderText("Type the password of your key file to start mining.");
            Label file = new Label(keyFile);
            file.setWrapText(true);
            Label label = new Label("_Password");
            label.setMnemonicParsing(true);
            label.setLabelFor(field);
            dialog.getDialogPane().setContent(new VBox(8, file, label, field));
            // OK is the default (Enter), Cancel the cancel button (Esc); Enter on a focused Cancel cancels
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
            Platform.runLater(field::requestFocus);
            Optional<char[]> result = dialog.showAndWait();
            field.clear();
            answer.complete(result);
        });
        try {
            return answer.get(30, TimeUnit.MINUTES)
                    .orElseThrow(() -> new KeyFileException("Mining did not start: the key file's password was not given."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyFileException("Mining did not start: interrupted while waiting for the password.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KeyFileException("Mining did not start: no password was given.");
        }
    }
}
