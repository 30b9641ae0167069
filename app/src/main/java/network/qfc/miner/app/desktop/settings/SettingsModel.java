package network.qfc.miner.app.desktop.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.qfc.miner.app.desktop.firstrun.KeyStepModel;
import network.qfc.miner.app.desktop.firstrun.NodeCheckModel;
import network.qfc.miner.app.settings.AppSettings.Network;
import network.qfc.miner.app.settings.AppSettings.ThemeChoice;

/** The Settings page as JavaFX properties only, one per setting, plus what the page tells the user. */
public final class SettingsModel {
    final ObjectProperty<Network> network = new SimpleObjectProperty<>(Network.TESTNET);
    final StringProperty customUrl = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty keyFile = new SimpleStringProperty("");
    final StringProperty computeMode = new SimpleStringProperty("auto");
    final StringProperty backend = new SimpleStringProperty("auto");
    final StringProperty modelDir = new SimpleStringProperty("");
    final IntegerProperty cpuCap = new SimpleIntegerProperty(50);
    final IntegerProperty idleMinutes = new SimpleIntegerProperty(0);
    final BooleanProperty pauseOnBattery = new SimpleBooleanProperty(true);
    final BooleanProperty keepMiningWhenBusy = new SimpleBooleanProperty(false);
    final IntegerProperty minBattery = new SimpleIntegerProperty(20);
    final IntegerProperty maxTemperature = new SimpleIntegerProperty(85);
    /** The mining hours as typed (the text {@code mine --schedule} takes); saved only when it is understood. */
    final StringProperty miningHours = new SimpleStringProperty("always");
    /** When mining next starts or stops, or why the typed hours are not understood. */
    final StringProperty miningHoursNext = new SimpleStringProperty("");
    final BooleanProperty miningHoursValid = new SimpleBooleanProperty(true);
    final BooleanProperty startAtLogin = new SimpleBooleanProperty(false);
    final BooleanProperty startMinimized = new SimpleBooleanProperty(false);
    final BooleanProperty startMining = new SimpleBooleanProperty(true);
    final BooleanProperty closeToTray = new SimpleBooleanProperty(true);
    final BooleanProperty checkForUpdates = new SimpleBooleanProperty(true);
    final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    final StringProperty status = new SimpleStringProperty("");
    final NodeCheckModel nodeCheck = new NodeCheckModel();
    final KeyStepModel keyStep = new KeyStepModel();

    public ObjectProperty<Network> network() {
        return network;
    }

    public StringProperty customUrl() {
        return customUrl;
    }

    public IntegerProperty cpuCap() {
        return cpuCap;
    }

    public ObjectProperty<ThemeChoice> theme() {
        return theme;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty address() {
        return address;
    }

    public NodeCheckModel nodeCheck() {
        return nodeCheck;
    }
}
