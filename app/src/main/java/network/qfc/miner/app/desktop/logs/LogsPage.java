package network.qfc.miner.app.desktop.logs;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import network.qfc.miner.app.desktop.Page;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.probe.HardwareReport;

/**
 * The Logs page: the app's recent log lines (from the {@link LogRing}), filterable by level and following new lines
 * about once a second, with "Open log folder" and "Copy diagnostics".
 */
public final class LogsPage implements Page {
    private final LogsModel model = new LogsModel();
    private final LogsController controller;
    private final LogsView view;

    /**
     * @param ring       the in-memory log ({@link DesktopLogging#ring()}, or a fresh one when not installed)
     * @param logsDir    the folder of the log files ({@code AppDirectories.logs()})
     * @param settings   the current settings (copied into the diagnostics)
     * @param probe      the hardware probe (called off the FX thread for the diagnostics)
     * @param appVersion the application's version
     * @param background where slow work runs
     */
    public LogsPage(LogRing ring, Path logsDir, Supplier<AppSettings> settings, Supplier<HardwareReport> probe,
            String appVersion, Executor background) {
        this.controller = new LogsController(model, ring, logsDir, settings, probe, appVersion, background,
                LogsPage::toClipboard);
        this.view = new LogsView(model, controller);
    }

    @Override
    public String title() {
        return "Logs";
    }

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        controller.activate();
    }

    @Override
    public void onDeactivate() {
        controller.deactivate();
    }

    public LogsModel model() {
        return model;
    }

    /** "Copy diagnostics": completes with the text put on the clipboard. */
    public CompletableFuture<String> copyDiagnostics() {
        return controller.onCopyDiagnostics();
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
