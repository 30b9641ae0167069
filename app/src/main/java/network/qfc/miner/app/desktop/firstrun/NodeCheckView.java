package network.qfc.miner.app.desktop.firstrun;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The result of a live node check: a line (green when reachable, red when not), the URL warning, a spinner. */
public final class NodeCheckView {
    private final VBox root;

    /** @param idPrefix prefix of the ids ({@code <prefix>-node-status}, {@code <prefix>-node-warning}) */
    public NodeCheckView(NodeCheckModel model, String idPrefix) {
        Label status = new Label();
        status.setId(idPrefix + "-node-status");
        status.setWrapText(true);
        status.textProperty().bind(model.result);
        model.reachable.addListener((o, old, up) -> style(status, up));
        model.result.addListener((o, old, now) -> style(status, model.reachable.get()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.checking);
        spinner.managedProperty().bind(model.checking);
        Label warning = new Label();
        warning.setId(idPrefix + "-node-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        warning.textProperty().bind(model.warning);
        warning.visibleProperty().bind(model.warning.isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        root = new VBox(4, new HBox(8, spinner, status), warning);
    }

    public Node root() {
        return root;
    }

    private static void style(Label status, boolean up) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (!status.getText().isEmpty() && !status.getText().startsWith("Checking")) {
            status.getStyleClass().add(up ? Styles.SUCCESS : Styles.DANGER);
        }
    }
}
