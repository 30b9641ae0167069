package network.qfc.miner.app.desktop.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/** What the dashboard shows, as JavaFX properties only (filled by {@link DashboardController}). */
public final class DashboardModel {
    /** How far back the chart looks. */
    public enum Range { HOUR, DAY, WEEK }

    final BooleanProperty mining = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final StringProperty state = new SimpleStringProperty("Not mining");
    final StringProperty stateReason = new SimpleStringProperty("Press Start to mine.");
    final StringProperty stateStyle = new SimpleStringProperty("idle");

    final StringProperty node = new SimpleStringProperty("–");
    final StringProperty nodeStatus = new SimpleStringProperty("–");
    final StringProperty address = new SimpleStringProperty("–");

    final StringProperty tier = new SimpleStringProperty("–");
    final StringProperty backend = new SimpleStringProperty("–");
    final StringProperty backendWhy = new SimpleStringProperty("");
    final StringProperty model = new SimpleStringProperty("–");

    final StringProperty tasks = new SimpleStringProperty("0");
    /** Today's and the network's totals from the journal, said in words (the counters above are this session's). */
    final StringProperty totals = new SimpleStringProperty("");
    final StringProperty accepted = new SimpleStringProperty("0");
    final StringProperty spotChecked = new SimpleStringProperty("0");
    final StringProperty rejected = new SimpleStringProperty("0");
    final StringProperty passRate = new SimpleStringProperty("–");
    final StringProperty perMinute = new SimpleStringProperty("0.0");
    final StringProperty lastInference = new SimpleStringProperty("–");

    final StringProperty standing = new SimpleStringProperty("unknown");
    final BooleanProperty jailed = new SimpleBooleanProperty(false);
    final StringProperty jailCountdown = new SimpleStringProperty("");
    final StringProperty stake = new SimpleStringProperty("–");
    final StringProperty stakeChange = new SimpleStringProperty("");
    final StringProperty contribution = new SimpleStringProperty("–");
    final StringProperty inferenceScore = new SimpleStringProperty("–");
    final StringProperty lastSlash = new SimpleStringProperty("none");
    final StringProperty slashAdvice = new SimpleStringProperty("");
    final StringProperty earnings = new SimpleStringProperty("not reported by this node");

    final ObservableList<ProofFeedRow> feed = FXCollections.observableArrayList();
    final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.HOUR);
    /** The history charts' points: x in minutes since the epoch (see {@link TimeAxis}). */
    final XYChart.Series<Number, Number> acceptedSeries = new XYChart.Series<>();
    final XYChart.Series<Number, Number> scoreSeries = new XYChart.Series<>();
    /** When the history was read (epoch ms): the charts' time axes end there. */
    final LongProperty historyNowMs = new SimpleLongProperty(System.currentTimeMillis());
    /** The unit the score chart's values are in ("TFLOP"). */
    final StringProperty scoreUnit = new SimpleStringProperty("GFLOP");

    public BooleanProperty mining() {
        return mining;
    }

    public StringProperty state() {
        return state;
    }

    public StringProperty standing() {
        return standing;
    }

    public BooleanProperty jailed() {
        return jailed;
    }

    public StringProperty jailCountdown() {
        return jailCountdown;
    }

    public StringProperty accepted() {
        return accepted;
    }

    public ObservableList<ProofFeedRow> feed() {
        return feed;
    }
}
