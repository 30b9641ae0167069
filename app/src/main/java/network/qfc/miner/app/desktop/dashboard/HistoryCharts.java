package network.qfc.miner.app.desktop.dashboard;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The dashboard's history from the journal: accepted proofs per bucket and the node's inference score, each chart
 * under a title that says what it counts and in which unit (a wrapping label: never cut short, at any text size), over
 * a time axis with horizontal local-time labels. One chart above the other, each the page's full width.
 */
final class HistoryCharts {
    private final DashboardModel model;
    private final ZoneId zone;

    HistoryCharts(DashboardModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    Node build() {
        HBox head = ChoiceBar.heading("History", rangeBar());
        StringExpression acceptedTitle = Bindings.createStringBinding(
                () -> "Accepted proofs " + TimeAxis.spec(model.range.get()).bucketWords() + " (this computer's journal)",
                model.range);
        StringExpression scoreTitle = Bindings.concat("Inference score in ", model.scoreUnit,
                " of accepted work (the node's running total)");
        Node accepted = chart("dash-chart", acceptedTitle, model.acceptedSeries, "Accepted proofs",
                "How many proofs the node accepted in each stretch of time, read from this computer's journal.");
        Node score = chart("dash-score-chart", scoreTitle, model.scoreSeries, "Inference score",
                ScoreWords.INFERENCE_EXPLAINED);
        return new VBox(8, head, accepted, score);
    }

    private HBox rangeBar() {
        return ChoiceBar.of(DashboardModel.Range.values(), model.range,
                r -> "Last " + r.name().toLowerCase(java.util.Locale.ROOT),
                r -> "dash-range-" + r.name().toLowerCase(java.util.Locale.ROOT), null);
    }

    private Node chart(String id, StringExpression title, XYChart.Series<Number, Number> series, String name,
            String explained) {
        NumberAxis x = TimeAxis.create();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        series.setName(name);
        chart.getData().add(series);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(false);
        // room on the right for half of the last time label ("Sun 22"), which is centred on the axis' end
        chart.setStyle("-fx-pref-height: 14em; -fx-padding: 0.5em 2.5em 0.5em 0.5em;");
        chart.setMinWidth(0); // gives way to a narrow window: the page scrolls, it does not widen
        chart.setAccessibleText(name + " chart");
        Runnable axis = () -> TimeAxis.show(x, model.range.get(), model.historyNowMs.get(), zone);
        model.range.addListener((o, old, now) -> axis.run());
        model.historyNowMs.addListener((o, old, now) -> axis.run());
        axis.run();
        Label heading = new Label();
        heading.setId(id + "-title");
        heading.textProperty().bind(title);
        heading.setWrapText(true);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Tooltip.install(heading, explained(explained));
        Tooltip.install(chart, explained(explained));
        return new VBox(4, heading, chart);
    }

    private static Tooltip explained(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setStyle("-fx-max-width: 30em;");
        return t;
    }
}
