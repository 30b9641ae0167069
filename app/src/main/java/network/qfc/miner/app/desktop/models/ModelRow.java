package network.qfc.miner.app.desktop.models;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.qfc.miner.models.ModelRef;

/** One approved model on the Models page, as properties. */
public final class ModelRow {
    final ModelRef ref;
    final StringProperty requirements = new SimpleStringProperty("");
    final StringProperty state = new SimpleStringProperty("");
    final StringProperty size = new SimpleStringProperty("");
    final StringProperty detail = new SimpleStringProperty("");
    final DoubleProperty progress = new SimpleDoubleProperty(-1);
    final BooleanProperty downloading = new SimpleBooleanProperty(false);
    final BooleanProperty installed = new SimpleBooleanProperty(false);
    final BooleanProperty allowedHere = new SimpleBooleanProperty(true);

    ModelRow(ModelRef ref) {
        this.ref = ref;
    }

    public ModelRef ref() {
        return ref;
    }

    public StringProperty state() {
        return state;
    }

    public StringProperty detail() {
        return detail;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public BooleanProperty downloading() {
        return downloading;
    }
}
