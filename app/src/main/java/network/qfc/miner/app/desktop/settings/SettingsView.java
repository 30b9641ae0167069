package network.qfc.miner.app.desktop.settings;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import network.qfc.miner.app.desktop.EnterMeansDone;
import network.qfc.miner.app.desktop.Theme;
import network.qfc.miner.app.desktop.firstrun.KeyStepView;
import network.qfc.miner.app.desktop.firstrun.NodeCheckView;
import network.qfc.miner.app.settings.AppSettings.Network;
import network.qfc.miner.app.settings.AppSettings.ThemeChoice;

/** Lays out the Settings page in sections and binds every control to the {@link SettingsModel}. */
final class SettingsView {
    static final Map<String, String> COMPUTE_MODES = Map.of(
            "inference", "Always run AI inference tasks for the network.",
            "auto", "Run inference when this computer qualifies and is not busy (recommended).",
            "none", "Do not compute; only keep the node informed.");

    private final VBox root;
    private final SettingsModel model;
    private final SettingsController controller;

    SettingsView(SettingsModel model, SettingsController controller) {
        this.model = model;
        this.controller = controller;
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.setId("set-status");
        status.setWrapText(true);
        status.textProperty().bind(model.status);
        status.managedProperty().bind(model.status.isNotEmpty()); // no blank gap under the title
        root = new VBox(18, title, status, network(), key(), mining(), background(), desktop());
        root.setPadding(new Insets(0, 0, 16, 0));
        model.theme.addListener((o, old, now) -> {
            if (root.getScene() != null) {
                Theme.apply(now, root.getScene());
            }
        });
    }

    Node root() {
        return root;
    }

    private Node network() {
        ComboBox<Network> network = new ComboBox<>();
        network.setId("set-network");
        network.getItems().setAll(Network.values());
        network.setConverter(converter(Network::label));
        network.valueProperty().bindBidirectional(model.network);
        TextField url = new TextField();
        url.setId("set-custom-url");
        url.setPromptText("https://rpc.example.org");
        url.textProperty().bindBidirectional(model.customUrl);
        url.disableProperty().bind(Bindings.notEqual(model.network, Network.CUSTOM));
        HBox.setHgrow(url, Priority.ALWAYS);
        Button check = new Button("Check connection");
        check.setId("set-check");
        check.setOnAction(e -> controller.onCheckNode());
        GridPane g = grid();
        row(g, 0, "_Network", network);
        row(g, 1, "_RPC URL", new HBox(8, url, check));
        row(g, 2, "", new NodeCheckView(model.nodeCheck, "set").root());
        return section("Network", g);
    }

    private Node key() {
        TextField address = new TextField();
        address.setId("set-address");
        address.setEditable(false);
        address.textProperty().bind(model.address);
        Button export = new Button("Export encrypted copy…");
        export.setId("set-export");
        export.setOnAction(e -> export());
        Button replace = new Button("Replace key…");
        replace.setId("set-replace");
        replace.setOnAction(e -> replace());
        Button password = new Button("Change password…");
        password.setId("set-password");
        password.setOnAction(e -> changePassword());
        export.disableProperty().bind(model.keyFile.isEmpty());
        password.disableProperty().bind(model.keyFile.isEmpty());
        GridPane g = grid();
        row(g, 0, "A_ddress", address);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, export, replace, password);
        row(g, 1, "", actions); // wraps in a narrow window rather than cutting the buttons short
        return section("Key", g);
    }

    private Node mining() {
        ComboBox<String> mode = new ComboBox<>();
        mode.setId("set-compute-mode");
        mode.getItems().setAll("inference", "auto", "none");
        mode.valueProperty().bindBidirectional(model.computeMode);
        Label modeWhy = new Label();
        modeWhy.setWrapText(true);
        modeWhy.getStyleClass().add(Styles.TEXT_MUTED);
        modeWhy.textProperty().bind(Bindings.createStringBinding(() -> COMPUTE_MODES.getOrDefault(model.computeMode.get(), "")
                + " Proof of work is not offered: the node does it.", model.computeMode));
        ComboBox<String> backend = new ComboBox<>();
        backend.setId("set-backend");
        backend.getItems().setAll("auto", "cpu", "cuda", "metal");
        backend.valueProperty().bindBidirectional(model.backend);
        TextField dir = new TextField();
        dir.setId("set-model-dir");
        dir.setPromptText("default model cache");
        dir.textProperty().bindBidirectional(model.modelDir);
        HBox.setHgrow(dir, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("set-model-dir-choose");
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Folder for the AI models");
            File f = c.showDialog(window());
            if (f != null) {
                model.modelDir.set(f.getAbsolutePath());
            }
        });
        GridPane g = grid();
        row(g, 0, "_Compute mode", mode);
        row(g, 1, "", modeWhy);
        row(g, 2, "_Backend", backend);
        row(g, 3, "_Model folder", new HBox(8, dir, choose));
        return section("Mining", g);
    }

    private Node background() {
        Slider cap = new Slider(10, 100, model.cpuCap.get());
        cap.setId("set-cpu-cap");
        cap.setMajorTickUnit(10);
        cap.setSnapToTicks(true);
        cap.setBlockIncrement(10);
        cap.valueProperty().addListener((o, old, now) -> model.cpuCap.set((int) Math.round(now.doubleValue())));
        model.cpuCap.addListener((o, old, now) -> cap.setValue(now.doubleValue()));
        HBox.setHgrow(cap, Priority.ALWAYS);
        Label capValue = new Label();
        capValue.setId("set-cpu-cap-value");
        capValue.textProperty().bind(model.cpuCap.asString("%d%%"));
        Spinner<Integer> idle = spinner("set-idle-minutes", 0, 24 * 60, model.idleMinutes);
        CheckBox battery = new CheckBox("Pause on battery");
        battery.setId("set-pause-on-battery");
        battery.selectedProperty().bindBidirectional(model.pauseOnBattery);
        Spinner<Integer> minBattery = spinner("set-min-battery", 0, 100, model.minBattery);
        Spinner<Integer> temp = spinner("set-max-temperature", 40, 110, model.maxTemperature);
        CheckBox busy = new CheckBox("Keep mining when other programs are busy");
        busy.setId("set-keep-mining-when-busy");
        busy.setWrapText(true); // two lines beside the long keys of this grid at large text
        busy.setStyle("-fx-max-width: 18em;");
        busy.setTooltip(new javafx.scene.control.Tooltip("Off (the default): mining slows down, then pauses, while other "
                + "programs use more than half of the CPU, and comes back when they are done."));
        busy.selectedProperty().bindBidirectional(model.keepMiningWhenBusy);
        GridPane g = grid();
        row(g, 0, "CPU ca_p", new HBox(8, cap, capValue));
        row(g, 1, "Only when _idle for (minutes, 0 = always)", idle);
        row(g, 2, "", battery);
        row(g, 3, "Minimum b_attery %", minBattery);
        row(g, 4, "Maximum _temperature °C", temp);
        row(g, 5, "", busy);
        row(g, 6, "Mining ho_urs", miningHours());
        Label next = new Label();
        next.setId("set-mining-hours-next");
        next.setWrapText(true);
        next.textProperty().bind(model.miningHoursNext);
        model.miningHoursValid.addListener((o, old, ok) -> next.pseudoClassStateChanged(Styles.STATE_DANGER, !ok));
        next.pseudoClassStateChanged(Styles.STATE_DANGER, !model.miningHoursValid.get());
        row(g, 7, "", next);
        return section("Background", g);
    }

    /** The mining hours: the text {@code mine --schedule} takes, and a menu of ready-made ones. */
    private Node miningHours() {
        TextField hours = new TextField();
        hours.setId("set-mining-hours");
        hours.setPromptText("always, or e.g. mon-fri 22:00-07:00, sat-sun all");
        hours.textProperty().bindBidirectional(model.miningHours);
        hours.setTooltip(new javafx.scene.control.Tooltip("Days (mon..sun, mon-fri, daily, weekdays, weekends) and hours "
                + "(HH:MM-HH:MM, or all), entries separated by commas; hours past midnight belong to the day they start. "
                + "\"always\" mines at any hour. The same text as the headless miner's --schedule."));
        javafx.scene.control.MenuButton presets = new javafx.scene.control.MenuButton("Presets");
        presets.setId("set-mining-hours-presets");
        presets.setAccessibleText("Mining hours presets");
        presets.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // keeps its whole name beside the field
        for (String[] p : MiningHoursText.PRESETS) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p[0] + "  (" + p[1] + ")");
            item.setOnAction(e -> model.miningHours.set(p[1]));
            presets.getItems().add(item);
        }
        HBox.setHgrow(hours, Priority.ALWAYS);
        return new HBox(8, hours, presets);
    }

    private Node desktop() {
        CheckBox login = new CheckBox("Start at login");
        login.setId("set-start-at-login");
        login.selectedProperty().bindBidirectional(model.startAtLogin);
        CheckBox minimized = new CheckBox("Start minimised to the tray");
        minimized.setId("set-start-minimized");
        minimized.selectedProperty().bindBidirectional(model.startMinimized);
        CheckBox mining = new CheckBox("Start mining when the app starts");
        mining.setId("set-start-mining");
        mining.selectedProperty().bindBidirectional(model.startMining);
        CheckBox tray = new CheckBox("The close button hides the window to the tray");
        tray.setId("set-close-to-tray");
        tray.selectedProperty().bindBidirectional(model.closeToTray);
        ComboBox<ThemeChoice> theme = new ComboBox<>();
        theme.setId("set-theme");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setConverter(converter(t -> switch (t) {
            case SYSTEM -> "Follow the system";
            case LIGHT -> "Light";
            case DARK -> "Dark";
        }));
        theme.valueProperty().bindBidirectional(model.theme);
        CheckBox updates = new CheckBox("Tell me when a new version is out");
        updates.setId("set-update-check");
        updates.setWrapText(true); // two lines at large text rather than a wider page
        updates.setStyle("-fx-max-width: 18em;");
        updates.setTooltip(new javafx.scene.control.Tooltip("Reads the project's releases feed once a day: a plain download "
                + "that sends only this app's version."));
        updates.selectedProperty().bindBidirectional(model.checkForUpdates);
        GridPane g = grid();
        row(g, 0, "", login);
        row(g, 1, "", minimized);
        row(g, 2, "", mining);
        row(g, 3, "", tray);
        row(g, 4, "T_heme", theme);
        row(g, 5, "", updates);
        return section("Desktop", g);
    }

    private void export() {
        FileChooser c = new FileChooser();
        c.setTitle("Save an encrypted copy of your key");
        c.setInitialFileName("qfc-validator-key.json");
        File f = c.showSaveDialog(window());
        if (f != null) {
            controller.onExport(f.toPath());
        }
    }

    private void replace() {
        KeyStepView keyView = new KeyStepView(model.keyStep, controller.keyStep());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Replace key");
        dialog.setHeaderText("The current key file is kept beside the new one; mining switches to the new key.");
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, replace);
        dialog.getDialogPane().setContent(keyView.root());
        Button ok = (Button) dialog.getDialogPane().lookupButton(replace);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            keyView.submit().ifPresent(f -> f.thenAccept(written -> {
                controller.onKeyReplaced(written);
                dialog.close();
            }));
        });
        dialog.setOnHidden(e -> keyView.clearSecrets());
        EnterMeansDone.under(dialog.getDialogPane()); // Enter on "Create a new key" means Replace
        dialog.show();
    }

    private void changePassword() {
        PasswordField old = new PasswordField();
        old.setId("set-old-password");
        PasswordField fresh = new PasswordField();
        fresh.setId("set-new-password");
        PasswordField repeat = new PasswordField();
        repeat.setId("set-new-password-repeat");
        GridPane g = grid();
        row(g, 0, "_Current password", old);
        row(g, 1, "_New password", fresh);
        row(g, 2, "New password _again", repeat);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Change password");
        ButtonType change = new ButtonType("Change", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, change);
        dialog.getDialogPane().setContent(g);
        dialog.setOnHidden(e -> {
            old.clear();
            fresh.clear();
            repeat.clear();
        });
        dialog.showAndWait().filter(change::equals).ifPresent(b ->
                controller.onChangePassword(chars(old), chars(fresh), chars(repeat)));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static char[] chars(PasswordField field) {
        CharSequence cs = field.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        field.clear();
        return out;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((o, old, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(8);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(keys, values);
        return g;
    }

    private static void row(GridPane g, int row, String key, Node value) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        k.setMnemonicParsing(true); // "_Network": Alt+N focuses the field
        // a row of a field and its buttons: the key (and its Alt+letter) is for the field
        k.setLabelFor(value instanceof HBox h && !h.getChildren().isEmpty() ? h.getChildren().get(0) : value);
        if (value instanceof CheckBox c && !c.isWrapText()) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a check box keeps its whole text (unless it wraps)
        }
        k.setWrapText(true); // a long key takes two lines in a narrow window (large text)
        k.setStyle("-fx-max-width: 12em;");
        g.addRow(row, k, value);
    }

    private static Node section(String name, Node body) {
        Label l = new Label(name);
        l.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, l, body);
    }

    static String id(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
