package network.qfc.miner.app.desktop.logs;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays out the Logs page: filter and actions on top, the virtualised list of lines, the log folder below. */
final class LogsView {
    private final VBox root;

    LogsView(LogsModel model, LogsController controller) {
        Label title = new Label("Logs");
        title.getStyleClass().add(Styles.TITLE_3);

        Label levelLabel = new Label("S_how");
        levelLabel.setMnemonicParsing(true);
        ComboBox<String> level = new ComboBox<>();
        level.setId("logs-level");
        level.getItems().setAll(LogsModel.LEVELS);
        level.valueProperty().bindBidirectional(model.minimumLevel);
        levelLabel.setLabelFor(level);
        Label andAbove = new Label("and more severe");
        CheckBox follow = new CheckBox("Follow new lines");
        follow.setId("logs-follow");
        follow.selectedProperty().bindBidirectional(model.follow);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button open = new Button("Open log folder");
        open.setId("logs-open-folder");
        open.setOnAction(e -> controller.onOpenFolder());
        Button copy = new Button("Copy diagnostics");
        copy.setId("logs-copy-diagnostics");
        copy.disableProperty().bind(model.busy);
        copy.setOnAction(e -> controller.onCopyDiagnostics());
        // wraps in a narrow window (large text, 200 %) rather than cutting its words short
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 8, levelLabel, level, andAbove, follow, grow,
                open, copy);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ListView<LogLine> list = new ListView<>(model.shown);
        list.setId("logs-list");
        list.setAccessibleText("Log lines");
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(v -> new LineCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        model.shown.addListener((javafx.collections.ListChangeListener<LogLine>) c -> {
            if (model.follow.get() && !model.shown.isEmpty()) {
                list.scrollTo(model.shown.size() - 1);
            }
        });

        Label status = new Label();
        status.setId("logs-status");
        status.setWrapText(true);
        status.textProperty().bind(model.status);
        Label folderLabel = new Label("Log folder");
        folderLabel.getStyleClass().add(Styles.TEXT_MUTED);
        TextField folder = new TextField();
        folder.setId("logs-folder");
        folder.setEditable(false);
        folder.textProperty().bind(model.folder);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folderLabel.setLabelFor(folder);
        HBox folderRow = new HBox(8, folderLabel, folder);
        folderRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        root = new VBox(12, title, bar, list, status, folderRow);
    }

    Node root() {
        return root;
    }

    /** A line of text, coloured by level through AtlantaFX's styles. */
    private static final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.format());
            if (line.severity() >= 4) {
                getStyleClass().add(Styles.DANGER);
            } else if (line.severity() == 3) {
                getStyleClass().add(Styles.WARNING);
            }
        }
    }
}
