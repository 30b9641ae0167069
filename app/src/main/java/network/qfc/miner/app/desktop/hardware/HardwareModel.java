package network.qfc.miner.app.desktop.hardware;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the Hardware page shows, as JavaFX properties only. */
public final class HardwareModel {
    final StringProperty os = new SimpleStringProperty("…");
    final StringProperty cpu = new SimpleStringProperty("…");
    final StringProperty memory = new SimpleStringProperty("…");
    final StringProperty gpus = new SimpleStringProperty("…");
    final StringProperty cuda = new SimpleStringProperty("…");
    final StringProperty metal = new SimpleStringProperty("…");
    final StringProperty battery = new SimpleStringProperty("…");
    final StringProperty temperature = new SimpleStringProperty("…");
    final StringProperty tier = new SimpleStringProperty("…");
    final StringProperty tierWhy = new SimpleStringProperty("");
    final StringProperty models = new SimpleStringProperty("");
    final StringProperty load = new SimpleStringProperty("…");
    final StringProperty probeTime = new SimpleStringProperty("");

    public StringProperty tier() {
        return tier;
    }

    public StringProperty gpus() {
        return gpus;
    }

    public StringProperty battery() {
        return battery;
    }

    public StringProperty temperature() {
        return temperature;
    }

    public StringProperty load() {
        return load;
    }
}
