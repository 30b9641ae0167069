package network.qfc.miner.app.desktop.dashboard;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.ProofLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one proof's detail from the journal (read off the FX thread) in a dialog with selectable values, every field
 * with its name (the names' column never shrinks: at 200 % the values wrap instead). The journal outlives mining
 * sessions: the detail opens while idle, after Stop and after a restart. A failed read is logged and said in the app.
 */
public final class ProofDetailDialog {
    private static final Logger LOG = LoggerFactory.getLogger(ProofDetailDialog.class);
    private final Supplier<ProofJournal> journal;
    private final Executor background;
    private final Supplier<Window> owner;

    public ProofDetailDialog(Supplier<ProofJournal> journal, Executor background, Supplier<Window> owner) {
        this.journal = journal;
        this.background = background;
        this.owner = owner;
    }

    public void open(ProofFeedRow row) {
        ProofJournal j = journal.get();
        if (j == null) {
            show(row, List.of(Map.entry("Task", row.taskId()), Map.entry("Detail", "no proof journal yet")));
            return;
        }
        CompletableFuture.supplyAsync(() -> j.find(row.taskId()).map(e -> ProofDetail.lines(e,
                        j.proofLayout(e.taskId()).map(ProofLayout::parse).orElse(ProofLayout.A))).orElse(List.of(
                Map.entry("Task", row.taskId()), Map.entry("Detail", "not in the journal (it keeps 30 days)"))), background)
                .thenAccept(lines -> UiThread.run(() -> show(row, lines)))
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    LOG.warn("could not read proof {} from the journal: {}", row.taskId(), cause.getMessage());
                    UiThread.run(() -> show(row, List.of(Map.entry("Task", row.taskId()),
                            Map.entry("Detail", "could not be read from the journal: " + cause.getMessage()))));
                    return null;
                });
    }

    private void show(ProofFeedRow row, List<Map.Entry<String, String>> lines) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // a name is never squeezed to "..."
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().setAll(names, values);
        int r = 0;
        for (Map.Entry<String, String> line : lines) {
            Label k = new Label(line.getKey());
            k.getStyleClass().add(Styles.TEXT_MUTED);
            k.setMinWidth(Region.USE_PREF_SIZE);
            TextArea v = new TextArea(line.getValue());
            v.setEditable(false);
            v.setWrapText(true);
            v.setPrefRowCount(line.getValue().length() > 90 ? 3 : 1);
            v.setPrefColumnCount(48);
            v.setAccessibleText(line.getKey());
            grid.addRow(r++, k, v);
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Proof " + DashboardFormat.shortId(row.taskId()));
        dialog.setHeaderText(row.outcome() + " - " + row.model());
        ScrollPane scroller = new ScrollPane(grid);
        scroller.setFitToWidth(true);
        scroller.setPrefViewportHeight(480);
        dialog.getDialogPane().setContent(scroller);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        // Enter and Esc both close it; the focus starts on Close (Tab reaches the values to select and copy)
        javafx.scene.control.Button close = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setDefaultButton(true);
        close.setId("proof-detail-close");
        dialog.setOnShown(e -> close.requestFocus());
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.show();
    }
}
