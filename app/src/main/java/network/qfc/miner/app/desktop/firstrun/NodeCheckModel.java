package network.qfc.miner.app.desktop.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The live node check as the screen shows it: the result line, reachable or not, the URL warning, in progress. */
public final class NodeCheckModel {
    final StringProperty result = new SimpleStringProperty("");
    final BooleanProperty reachable = new SimpleBooleanProperty(false);
    final StringProperty warning = new SimpleStringProperty("");
    final BooleanProperty checking = new SimpleBooleanProperty(false);

    public StringProperty result() {
        return result;
    }

    public BooleanProperty reachable() {
        return reachable;
    }

    public StringProperty warning() {
        return warning;
    }

    public BooleanProperty checking() {
        return checking;
    }
}
