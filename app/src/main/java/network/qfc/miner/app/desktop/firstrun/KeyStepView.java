package network.qfc.miner.app.desktop.firstrun;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The key part of setup: create, import a secret, or import an encrypted file; the password (twice for a new
 * file) with a strength hint. Secrets stay in their {@link PasswordField}s until submitted, then the fields are
 * emptied. Used by first run and by Settings' "Replace key…".
 */
public final class KeyStepView {
    private final KeyStepModel model;
    private final KeyStepController controller;
    private final VBox root;
    private final PasswordField secret = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    public KeyStepView(KeyStepModel model, KeyStepController controller) {
        this.model = model;
        this.controller = controller;
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        for (KeyChoice c : KeyChoice.values()) {
            RadioButton r = new RadioButton(c.label());
            r.setId("key-choice-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.setUserData(c);
            r.setToggleGroup(group);
            r.setSelected(c == model.choice.get());
            choices.getChildren().add(r);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.choice.set((KeyChoice) now.getUserData());
                controller.onPasswordTyped(password.getCharacters());
            }
        });

        secret.setId("key-secret");
        secret.setPromptText("64 hex characters");
        Label secretLabel = new Label("_Secret key (never shown again)");
        secretLabel.setMnemonicParsing(true);
        secretLabel.setLabelFor(secret);
        VBox secretBox = new VBox(4, secretLabel, secret);
        bindShown(secretBox, Bindings.equal(model.choice, KeyChoice.IMPORT_SECRET));

        TextField file = new TextField();
        file.setId("key-file");
        file.setPromptText("validator.json");
        file.textProperty().bindBidirectional(model.sourceFile);
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("key-file-choose");
        choose.setOnAction(e -> chooseFile());
        Label fileLabel = new Label("Encrypted key _file");
        fileLabel.setMnemonicParsing(true);
        fileLabel.setLabelFor(file);
        VBox fileBox = new VBox(4, fileLabel, new HBox(8, file, choose));
        bindShown(fileBox, Bindings.equal(model.choice, KeyChoice.IMPORT_FILE));

        password.setId("key-password");
        Label passwordLabel = new Label();
        passwordLabel.textProperty().bind(Bindings.when(Bindings.equal(model.choice, KeyChoice.IMPORT_FILE))
                .then("_Password of that key file").otherwise("_Password to encrypt the key on this computer"));
        passwordLabel.setMnemonicParsing(true);
        passwordLabel.setLabelFor(password);
        password.textProperty().addListener((o, old, now) -> controller.onPasswordTyped(password.getCharacters()));
        Label strength = new Label();
        strength.setId("key-strength");
        strength.getStyleClass().add(Styles.TEXT_MUTED);
        strength.textProperty().bind(model.strength);
        repeat.setId("key-password-repeat");
        Label repeatLabel = new Label("The same password _again");
        repeatLabel.setMnemonicParsing(true);
        repeatLabel.setLabelFor(repeat);
        VBox repeatBox = new VBox(4, repeatLabel, repeat);
        bindShown(repeatBox, Bindings.notEqual(model.choice, KeyChoice.IMPORT_FILE));

        Label error = new Label();
        error.setId("key-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.error);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(model.working);
        progress.managedProperty().bind(model.working);
        Label note = new Label("The key is saved encrypted with this password. Without the password nobody, "
                + "not even you, can use it: keep it somewhere safe.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        root = new VBox(10, choices, secretBox, fileBox, new VBox(4, passwordLabel, password, strength), repeatBox,
                note, new HBox(8, progress, error));
        root.disableProperty().bind(model.working);
    }

    public Node root() {
        return root;
    }

    /** Hands the typed inputs to the controller and empties the secret field; the passwords too once accepted. */
    public Optional<CompletableFuture<WrittenKey>> submit() {
        char[] s = chars(secret);
        char[] p = chars(password);
        char[] r = chars(repeat);
        secret.clear();
        Optional<CompletableFuture<WrittenKey>> started = controller.onSubmit(s, p, r);
        if (started.isPresent()) {
            password.clear();
            repeat.clear();
        }
        return started;
    }

    /** Empties every secret field (leaving the screen). */
    public void clearSecrets() {
        secret.clear();
        password.clear();
        repeat.clear();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose an encrypted QFC key file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Key files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            model.sourceFile.set(f.getAbsolutePath());
        }
    }

    private static char[] chars(PasswordField field) {
        CharSequence cs = field.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        return out;
    }

    private static void bindShown(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
