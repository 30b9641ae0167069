package network.qfc.miner.app.desktop.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The key part of setup as JavaFX properties only (never a secret or a password: those stay in their fields). */
public final class KeyStepModel {
    final ObjectProperty<KeyChoice> choice = new SimpleObjectProperty<>(KeyChoice.CREATE);
    final StringProperty sourceFile = new SimpleStringProperty("");
    final StringProperty strength = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty working = new SimpleBooleanProperty(false);

    public ObjectProperty<KeyChoice> choice() {
        return choice;
    }

    public StringProperty sourceFile() {
        return sourceFile;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty working() {
        return working;
    }
}
