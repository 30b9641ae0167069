package network.qfc.miner.app.desktop.firstrun;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import network.qfc.miner.app.desktop.EnterMeansDone;
import network.qfc.miner.app.settings.AppSettings.Network;

/** Lays out first-run setup: what the app does, then three short steps (network, key, done). */
final class FirstRunView {
    private final ScrollPane root;
    private final KeyStepView keyView;

    FirstRunView(FirstRunModel model, FirstRunController controller) {
        this.keyView = new KeyStepView(model.keyStep, controller.keyStep());
        Label title = new Label("Welcome to QFC Desktop Miner");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("This app lets your computer earn QFC by running the small AI models the network "
                + "asks for and sending signed proofs of the work. It needs a network to talk to and a miner key "
                + "that identifies you; both are set up here in a minute. "
                + network.qfc.miner.app.keys.MinerKeyNote.TEXT);
        intro.setWrapText(true);
        Label stepLabel = new Label();
        stepLabel.setId("fr-step");
        stepLabel.getStyleClass().add(Styles.TEXT_MUTED);
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> switch (model.step.get()) {
            case FirstRunModel.STEP_NETWORK -> "Step 1 of 3: network";
            case FirstRunModel.STEP_KEY -> "Step 2 of 3: key";
            default -> "Step 3 of 3: ready";
        }, model.step));

        Node network = networkStep(model, controller);
        Node key = keyStep(model, controller);
        Node done = doneStep(model, controller);
        showOn(network, model, FirstRunModel.STEP_NETWORK);
        showOn(key, model, FirstRunModel.STEP_KEY);
        showOn(done, model, FirstRunModel.STEP_DONE);
        model.step.addListener((o, old, now) -> {
            if (now.intValue() != FirstRunModel.STEP_KEY) {
                keyView.clearSecrets();
            }
            // the keyboard's focus follows the step shown (it would stay on a hidden button)
            Node first = now.intValue() == FirstRunModel.STEP_NETWORK ? network
                    : now.intValue() == FirstRunModel.STEP_KEY ? key : done;
            javafx.application.Platform.runLater(() -> focusFirst(first));
        });
        VBox box = new VBox(16, title, intro, stepLabel, new StackPane(network, key, done));
        box.setPadding(new Insets(24));
        box.setStyle("-fx-max-width: 54em;"); // follows the system's font size
        StackPane centre = new StackPane(box);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        root = new ScrollPane(centre);
        root.setFitToWidth(true);
        root.setId("first-run");
        EnterMeansDone.under(root);
    }

    /** Focuses a step's first stop: its selected choice (network, kind of key), else its main button. */
    private static void focusFirst(Node step) {
        step.lookupAll(".radio-button").stream().filter(n -> n instanceof RadioButton r && r.isSelected()).findFirst()
                .or(() -> java.util.Optional.ofNullable(step.lookup("#fr-start")))
                .ifPresent(Node::requestFocus);
    }

    Node root() {
        return root;
    }

    private static Node networkStep(FirstRunModel model, FirstRunController controller) {
        Label q = new Label("Which network?");
        q.getStyleClass().add(Styles.TITLE_4);
        ToggleGroup group = new ToggleGroup();
        VBox options = new VBox(6);
        for (Network n : Network.values()) {
            String text = n.label() + (n.defaultRpcUrl() == null ? "" : "  (" + n.defaultRpcUrl() + ")");
            RadioButton r = new RadioButton(text);
            r.setId("net-" + n.name().toLowerCase(java.util.Locale.ROOT));
            r.setUserData(n);
            r.setToggleGroup(group);
            r.setSelected(n == model.network.get());
            options.getChildren().add(r);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.network.set((Network) now.getUserData());
                if (model.network.get() == Network.DEVNET || model.network.get() == Network.CUSTOM) {
                    controller.onCheck();
                }
            }
        });
        TextField url = new TextField();
        url.setId("fr-custom-url");
        url.setAccessibleText("Custom RPC URL");
        url.setPromptText("https://rpc.example.org or http://127.0.0.1:8545");
        url.textProperty().bindBidirectional(model.customUrl);
        url.disableProperty().bind(Bindings.notEqual(model.network, Network.CUSTOM));
        PauseTransition typing = new PauseTransition(Duration.millis(700));
        typing.setOnFinished(e -> controller.onCheck());
        url.textProperty().addListener((o, old, now) -> typing.playFromStart());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button check = new Button("Check connection");
        check.setId("fr-check");
        check.disableProperty().bind(Bindings.equal(model.network, Network.DEVNET));
        check.setOnAction(e -> controller.onCheck());
        Label devnetNote = new Label("Devnet runs a small test chain on this computer: a development key is made for "
                + "you, so there is no key to set up and nothing of value at stake.");
        devnetNote.setWrapText(true);
        devnetNote.getStyleClass().add(Styles.TEXT_MUTED);
        devnetNote.visibleProperty().bind(Bindings.equal(model.network, Network.DEVNET));
        devnetNote.managedProperty().bind(devnetNote.visibleProperty());
        Label error = new Label();
        error.setId("fr-network-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.networkError);
        Button next = new Button("Next");
        next.setId("fr-next-network");
        // one default button per scene: each step's main button is the default (Enter) only while its step shows
        next.defaultButtonProperty().bind(model.step.isEqualTo(FirstRunModel.STEP_NETWORK));
        next.getStyleClass().add(Styles.ACCENT);
        next.setOnAction(e -> controller.onNetworkNext());
        return new VBox(10, q, options, new HBox(8, url, check), new NodeCheckView(model.nodeCheck, "fr").root(),
                devnetNote, error, buttons(next));
    }

    private Node keyStep(FirstRunModel model, FirstRunController controller) {
        Label q = new Label("Your miner key");
        q.getStyleClass().add(Styles.TITLE_4);
        Button back = new Button("Back");
        back.setId("fr-back-key");
        back.setOnAction(e -> controller.onBack());
        Button next = new Button("Next");
        next.setId("fr-next-key");
        next.defaultButtonProperty().bind(model.step.isEqualTo(FirstRunModel.STEP_KEY));
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.keyStep.working);
        next.setOnAction(e -> keyView.submit().ifPresent(f -> f.thenAccept(controller::onKeyWritten)));
        return new VBox(10, q, keyView.root(), buttons(back, next));
    }

    private static Node doneStep(FirstRunModel model, FirstRunController controller) {
        Label q = new Label("Ready");
        q.getStyleClass().add(Styles.TITLE_4);
        Label devnet = new Label("Devnet on this computer: a development key is generated when mining starts. "
                + "Nothing else to set up.");
        devnet.setWrapText(true);
        devnet.visibleProperty().bind(Bindings.equal(model.network, Network.DEVNET));
        devnet.managedProperty().bind(devnet.visibleProperty());
        Label addressLabel = new Label("Your miner address");
        TextField address = new TextField();
        address.setId("fr-address");
        address.setEditable(false);
        address.textProperty().bind(model.address);
        addressLabel.setLabelFor(address);
        Label file = new Label();
        file.setId("fr-key-file");
        file.setWrapText(true);
        file.getStyleClass().add(Styles.TEXT_MUTED);
        file.textProperty().bind(Bindings.concat("Saved encrypted in ", model.keyFile));
        CheckBox remember = new CheckBox("Remember the password on this computer (OS keychain)");
        remember.setId("fr-remember");
        remember.selectedProperty().bindBidirectional(model.remember);
        remember.disableProperty().bind(model.rememberAvailable.not());
        Label keychain = new Label();
        keychain.setId("fr-keychain-status");
        keychain.setWrapText(true);
        keychain.getStyleClass().add(Styles.TEXT_MUTED);
        keychain.textProperty().bind(model.keychainStatus);
        VBox keyBox = new VBox(6, addressLabel, address, file, remember, keychain);
        keyBox.visibleProperty().bind(Bindings.notEqual(model.network, Network.DEVNET));
        keyBox.managedProperty().bind(keyBox.visibleProperty());
        Label error = new Label();
        error.setId("fr-finish-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.finishError);
        Button back = new Button("Back");
        back.setId("fr-back-done");
        back.visibleProperty().bind(model.address.isEmpty());
        back.setOnAction(e -> controller.onBack());
        Button later = new Button("Later");
        later.setId("fr-later");
        later.disableProperty().bind(model.finishing);
        later.setOnAction(e -> controller.onFinish(false));
        Button start = new Button("Start mining now");
        start.setId("fr-start");
        start.defaultButtonProperty().bind(model.step.isEqualTo(FirstRunModel.STEP_DONE));
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.finishing);
        start.setOnAction(e -> controller.onFinish(true));
        return new VBox(10, q, devnet, keyBox, error, buttons(back, later, start));
    }

    private static HBox buttons(Button... buttons) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(8, grow);
        box.getChildren().addAll(buttons);
        return box;
    }

    private static void showOn(Node node, FirstRunModel model, int step) {
        node.visibleProperty().bind(model.step.isEqualTo(step));
        node.managedProperty().bind(node.visibleProperty());
    }
}
