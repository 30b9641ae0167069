package network.qfc.miner.app.desktop;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import network.qfc.miner.app.settings.SettingsStore;
import network.qfc.miner.core.AppDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: settings, the window and its pages, the tray. Every object of the UI is born
 * here; the miner itself is built by the core's runtime.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private SettingsStore settings;
    private Stage stage;

    @Override
    public void init() {
        AppDirectories dirs = AppDirectories.forThisProcess();
        settings = new SettingsStore(dirs.settingsFile(), java.time.Duration.ofSeconds(1));
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        MainWindow window = new MainWindow(new javafx.scene.layout.HBox());
        Scene scene = new Scene(window.root(), 1100, 720);
        Theme.apply(settings.get().theme(), scene);
        stage.setTitle("QFC Desktop Miner");
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        if (!DesktopLauncher.options().minimized()) {
            stage.show();
        }
        LOG.info("desktop app started");
    }

    @Override
    public void stop() {
        settings.close();
        Platform.exit();
    }
}
