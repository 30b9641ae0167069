package network.qfc.miner.app.desktop.logs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the Logs page shows, as JavaFX properties only. */
public final class LogsModel {
    /** The levels offered by the filter, most severe first; a filter shows its level and everything above. */
    public static final java.util.List<String> LEVELS = java.util.List.of("ERROR", "WARN", "INFO", "DEBUG");

    final ObservableList<LogLine> shown = FXCollections.observableArrayList();
    final StringProperty minimumLevel = new SimpleStringProperty("INFO");
    final BooleanProperty follow = new SimpleBooleanProperty(true);
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty folder = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);

    public ObservableList<LogLine> shown() {
        return shown;
    }

    public StringProperty minimumLevel() {
        return minimumLevel;
    }

    public StringProperty status() {
        return status;
    }
}
