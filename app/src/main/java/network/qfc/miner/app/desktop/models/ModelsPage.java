package network.qfc.miner.app.desktop.models;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.qfc.miner.app.desktop.Page;

/** The Models page: each approved model, its state and size, and download / cancel / verify / remove. */
public final class ModelsPage implements Page {
    private final ModelsController controller;
    private final Node view;

    public ModelsPage(ModelsController controller) {
        this.controller = controller;
        this.view = build();
    }

    @Override
    public String title() {
        return "Models";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onActivate() {
        controller.refresh();
    }

    private Node build() {
        Label title = new Label("Models");
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("The network approves these models. Your machine mines with the ones its tier allows; "
                + "they are downloaded once and checked against their hashes.");
        intro.setWrapText(true);
        VBox list = new VBox(12);
        for (ModelRow row : controller.rows()) {
            list.getChildren().add(card(row));
        }
        Label folder = new Label();
        folder.textProperty().bind(controller.folder().map(f -> "Cache folder: " + f));
        folder.getStyleClass().add(Styles.TEXT_MUTED);
        folder.setWrapText(true);
        return new VBox(16, title, intro, list, folder);
    }

    private Node card(ModelRow row) {
        String id = row.ref().name();
        Label name = new Label(row.ref().toString());
        name.getStyleClass().add(Styles.TITLE_4);
        Label state = new Label();
        state.setId("model-state-" + id);
        state.textProperty().bind(row.state);
        state.getStyleClass().add(Styles.TEXT_BOLD);
        Label size = new Label();
        size.textProperty().bind(row.size);
        size.getStyleClass().add(Styles.TEXT_MUTED);
        Label req = new Label();
        req.textProperty().bind(row.requirements);
        req.getStyleClass().add(Styles.TEXT_MUTED);
        Label detail = new Label();
        detail.setId("model-detail-" + id);
        detail.setWrapText(true);
        detail.textProperty().bind(row.detail);
        ProgressBar bar = new ProgressBar();
        bar.setId("model-progress-" + id);
        bar.progressProperty().bind(row.progress);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(row.downloading);
        bar.managedProperty().bind(row.downloading);

        Button download = new Button("Download");
        download.setId("model-download-" + id);
        download.getStyleClass().add(Styles.ACCENT);
        download.visibleProperty().bind(row.downloading.not().and(row.installed.not()));
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> controller.download(row));
        Button cancel = new Button("Cancel");
        cancel.setId("model-cancel-" + id);
        cancel.visibleProperty().bind(row.downloading);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> controller.cancel(row));
        Button verify = new Button("Verify");
        verify.setId("model-verify-" + id);
        verify.disableProperty().bind(Bindings.or(row.downloading, row.installed.not()));
        verify.setOnAction(e -> controller.verify(row));
        Button remove = new Button("Remove");
        remove.setId("model-remove-" + id);
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(row.downloading);
        remove.setOnAction(e -> controller.remove(row));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, name, state, size, spacer, download, cancel, verify, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, head, req, bar, detail);
        card.setPadding(new Insets(12));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; "
                + "-fx-border-radius: 6; -fx-background-radius: 6;");
        return card;
    }
}
