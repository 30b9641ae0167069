package network.qfc.miner.app.desktop.logs;

import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.probe.HardwareReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the {@link LogRing} into the {@link LogsModel} (at most about once a second while the page is shown) and
 * handles the page's actions: the level filter, "Open log folder" and "Copy diagnostics", each off the FX thread.
 */
final class LogsController {
    private static final Logger LOG = LoggerFactory.getLogger(LogsController.class);
    private static final long REFRESH_MS = 1000;

    private final LogsModel model;
    private final LogRing ring;
    private final Path logsDir;
    private final Supplier<AppSettings> settings;
    private final Supplier<HardwareReport> probe;
    private final String appVersion;
    private final Executor background;
    private final Consumer<String> clipboard;
    private final UiThread.Coalescer coalescer = new UiThread.Coalescer(this::refreshAtMostOnceASecond);
    private PauseTransition pending;
    private long lastRefresh;
    private AutoCloseable subscription;

    LogsController(LogsModel model, LogRing ring, Path logsDir, Supplier<AppSettings> settings,
            Supplier<HardwareReport> probe, String appVersion, Executor background, Consumer<String> clipboard) {
        this.model = model;
        this.ring = ring;
        this.logsDir = logsDir;
        this.settings = settings;
        this.probe = probe;
        this.appVersion = appVersion;
        this.background = background;
        this.clipboard = clipboard;
        model.folder.set(logsDir.toAbsolutePath().toString());
        model.minimumLevel.addListener((obs, old, now) -> refresh());
    }

    void activate() {
        subscription = ring.onLine(coalescer::request);
        refresh();
    }

    void deactivate() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("log listener close", e);
            }
            subscription = null;
        }
        if (pending != null) {
            pending.stop();
            pending = null;
        }
    }

    /** Rebuilds the shown lines from the ring under the current filter (FX thread). */
    void refresh() {
        lastRefresh = System.currentTimeMillis();
        String level = model.minimumLevel.get();
        List<LogLine> lines = ring.snapshot().stream().filter(l -> l.atLeast(level)).toList();
        model.shown.setAll(lines);
    }

    private void refreshAtMostOnceASecond() {
        long wait = REFRESH_MS - (System.currentTimeMillis() - lastRefresh);
        if (wait <= 0) {
            refresh();
            return;
        }
        if (pending == null) {
            pending = new PauseTransition(Duration.millis(wait));
            pending.setOnFinished(e -> {
                pending = null;
                if (subscription != null) {
                    refresh();
                }
            });
            pending.play();
        }
    }

    /** Opens the log folder in the file manager, or, where Java cannot, shows its path to copy. */
    CompletableFuture<Void> onOpenFolder() {
        return CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(logsDir);
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(logsDir.toFile());
                    UiThread.run(() -> model.status.set("Opened " + logsDir));
                    return;
                }
                UiThread.run(() -> model.status.set("This system cannot open folders from Java. The logs are in the "
                        + "folder shown below: copy its path into your file manager."));
            } catch (Exception e) {
                UiThread.run(() -> model.status.set("Could not open the log folder (" + e.getMessage()
                        + "). The logs are in the folder shown below."));
            }
        }, background);
    }

    /** Gathers the diagnostics (probing the hardware off the FX thread) and puts them on the clipboard. */
    CompletableFuture<String> onCopyDiagnostics() {
        model.busy.set(true);
        model.status.set("Gathering diagnostics…");
        AppSettings now = settings.get();
        List<LogLine> lines = ring.snapshot();
        return CompletableFuture.supplyAsync(() -> {
            HardwareReport report = null;
            String problem = null;
            try {
                report = probe.get();
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            return Diagnostics.text(appVersion, report, problem, now, lines);
        }, background).whenComplete((text, failure) -> UiThread.run(() -> {
            model.busy.set(false);
            if (failure != null) {
                model.status.set("Could not gather diagnostics: " + failure.getMessage());
            } else {
                clipboard.accept(text);
                model.status.set("Diagnostics copied to the clipboard (no keys or passwords in them).");
            }
        }));
    }
}
