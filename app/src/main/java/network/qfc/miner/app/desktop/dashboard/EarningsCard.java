package network.qfc.miner.app.desktop.dashboard;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;

/**
 * Earnings by day, week or month: the node's figure (with locked and available where it reports vesting, marked
 * "estimate" where it only estimates) and, per UTC day, the proofs the journal counted next to what the node credits.
 */
final class EarningsCard {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final EarningsController controller;
    private final Label summary = new Label("Start mining to see earnings.");
    private final Label vesting = new Label();
    private final Label note = new Label();
    private final GridPane days = new GridPane();

    EarningsCard(EarningsController controller) {
        this.controller = controller;
    }

    Node build() {
        HBox head = ChoiceBar.heading("Earnings", periods());
        summary.setId("dash-earned");
        vesting.setId("dash-vesting");
        note.setId("dash-earnings-note");
        for (Label l : new Label[] {summary, vesting, note}) {
            l.setWrapText(true);
        }
        note.getStyleClass().add(Styles.TEXT_MUTED);
        days.setId("dash-earnings-days");
        days.setHgap(24);
        days.setVgap(2);
        controller.report.addListener((o, old, r) -> show(r));
        return new VBox(8, head, summary, vesting, note, days);
    }

    private HBox periods() {
        return ChoiceBar.of(EarningsPeriod.values(), controller.period, p -> switch (p) {
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
        }, p -> "dash-earnings-" + p.wireName(), p -> "Earnings of the last " + p.wireName());
    }

    private void show(EarningsReport r) {
        if (r == null) {
            return;
        }
        String span = switch (r.period()) {
            case DAY -> "in the last 24 hours";
            case WEEK -> "in the last 7 days";
            case MONTH -> "in the last 30 days";
        };
        summary.setText(r.earned() == null ? r.accepted() + " proofs accepted " + span + " (journal)"
                : DashboardFormat.qfc(r.earned()) + (r.estimate() ? " (estimate)" : "") + " earned " + span + ", "
                        + r.accepted() + " proofs accepted (journal)");
        vesting.setText(r.locked() == null ? "" : DashboardFormat.qfc(r.locked()) + " locked, "
                + DashboardFormat.qfc(r.available()) + " available to withdraw (rewards vest after 7 days, then over 23)");
        vesting.setVisible(r.locked() != null);
        vesting.setManaged(r.locked() != null);
        note.setText(r.problem() != null ? r.problem() : r.estimate()
                ? "Estimate: this node reports what the work should earn but pays no reward itself." : "");
        days.getChildren().clear();
        if (r.days().size() > 1) {
            days.addRow(0, header("Day (UTC)"), header("Accepted proofs"), header(r.earned() == null ? "" : "Earned"));
            int row = 1;
            for (EarningsReport.Day d : r.days()) {
                days.addRow(row++, new Label(DAY.format(d.date())), new Label(Long.toString(d.accepted())),
                        new Label(d.earned() == null ? "" : DashboardFormat.qfc(d.earned())));
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
