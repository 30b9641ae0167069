package network.qfc.miner.app.desktop.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.qfc.miner.app.settings.AppSettings.Network;

/** First-run setup as JavaFX properties only: the step shown, the choices so far, what to tell the user. */
public final class FirstRunModel {
    public static final int STEP_NETWORK = 0;
    public static final int STEP_KEY = 1;
    public static final int STEP_DONE = 2;

    final IntegerProperty step = new SimpleIntegerProperty(STEP_NETWORK);
    final ObjectProperty<Network> network = new SimpleObjectProperty<>(Network.TESTNET);
    final StringProperty customUrl = new SimpleStringProperty("");
    final StringProperty networkError = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty keyFile = new SimpleStringProperty("");
    final BooleanProperty rememberAvailable = new SimpleBooleanProperty(false);
    final BooleanProperty remember = new SimpleBooleanProperty(false);
    final StringProperty keychainStatus = new SimpleStringProperty("");
    final StringProperty finishError = new SimpleStringProperty("");
    final BooleanProperty finishing = new SimpleBooleanProperty(false);
    final NodeCheckModel nodeCheck = new NodeCheckModel();
    final KeyStepModel keyStep = new KeyStepModel();

    public IntegerProperty step() {
        return step;
    }

    public ObjectProperty<Network> network() {
        return network;
    }

    public StringProperty customUrl() {
        return customUrl;
    }

    public StringProperty address() {
        return address;
    }

    public NodeCheckModel nodeCheck() {
        return nodeCheck;
    }

    public KeyStepModel keyStep() {
        return keyStep;
    }
}
