package network.qfc.miner.app.desktop.models;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.models.ApprovedModel;
import network.qfc.miner.models.DownloadEvent;
import network.qfc.miner.models.DownloadNotice;
import network.qfc.miner.models.DownloadProgress;
import network.qfc.miner.models.InstallState;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.VerifyResult;

/**
 * Maps the model cache into the Models page and runs its actions (download, cancel, verify, remove) off the FX
 * thread. {@code mayRunHere} answers, per model, null when this machine may run it, else why not.
 */
public final class ModelsController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelsController.class);
    private final ModelCache cache;
    private final Executor background;
    private final Function<ApprovedModel, String> whyNotHere;
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final Map<ModelRef, CompletableFuture<?>> downloads = new ConcurrentHashMap<>();

    public ModelsController(ModelCache cache, Executor background, Function<ApprovedModel, String> whyNotHere) {
        this.cache = cache;
        this.background = background;
        this.whyNotHere = whyNotHere;
        for (ApprovedModel m : cache.registry().models()) {
            ModelRow row = new ModelRow(m.ref());
            row.requirements.set("min tier " + title(m.minTierNode().name()) + ", " + m.minMemoryMbNode() + " MB memory, "
                    + m.dimension() + "-dim embeddings");
            rows.add(row);
        }
    }

    public ObservableList<ModelRow> rows() {
        return rows;
    }

    public String cacheFolder() {
        return cache.root().toString();
    }

    /** Re-reads every model's state from disk, off the FX thread. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.runAsync(() -> {
            for (ModelRow row : rows) {
                refreshRow(row);
            }
        }, background).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("could not read the model cache at {}", cache.root(), e);
            }
        });
    }

    private void refreshRow(ModelRow row) {
        ApprovedModel m = cache.registry().find(row.ref).orElseThrow();
        InstallState state = cache.state(row.ref);
        long bytes = cache.sizeOnDisk(row.ref);
        String why = m.approved() ? whyNotHere.apply(m) : "no longer approved by the node: not mined";
        UiThread.run(() -> {
            if (row.downloading.get()) {
                return;
            }
            row.installed.set(state == InstallState.INSTALLED);
            row.allowedHere.set(why == null);
            row.size.set(bytes > 0 ? megabytes(bytes) : "");
            row.progress.set(state == InstallState.INSTALLED ? 1 : -1);
            row.state.set(switch (state) {
                case INSTALLED -> "Installed";
                case PARTIAL -> "Partly downloaded";
                case MISSING -> "Not downloaded";
            });
            row.detail.set(why != null ? why : "");
        });
    }

    private volatile java.util.function.Consumer<String> downloaded = m -> { };

    /** Told (on the FX thread) each time a download of this page ends installed: a desktop notification. */
    public void onDownloaded(java.util.function.Consumer<String> listener) {
        downloaded = listener;
    }

    /** Downloads (or resumes) a model; progress arrives on the row. */
    public CompletableFuture<?> download(ModelRow row) {
        row.downloading.set(true);
        row.state.set("Downloading");
        row.detail.set("starting…");
        row.progress.set(-1);
        AtomicReference<DownloadEvent> latest = new AtomicReference<>();
        UiThread.Coalescer coalescer = new UiThread.Coalescer(() -> show(row, latest.get()));
        CompletableFuture<?> f = cache.ensureInstalled(row.ref, e -> {
            latest.set(e);
            coalescer.request();
        });
        downloads.put(row.ref, f);
        f.whenComplete((dir, error) -> UiThread.run(() -> {
            downloads.remove(row.ref);
            row.downloading.set(false);
            if (error == null) {
                downloaded.accept(row.ref.toString());
            }
            String msg = error == null ? null : f.isCancelled()
                    ? "cancelled; the next download resumes where this one stopped" : readable(error);
            CompletableFuture.runAsync(() -> refreshRow(row), background).thenRun(() -> {
                if (msg != null) {
                    UiThread.run(() -> row.detail.set(msg));
                }
            });
        }));
        return f;
    }

    public void cancel(ModelRow row) {
        CompletableFuture<?> f = downloads.get(row.ref);
        if (f != null) {
            f.cancel(true);
        }
    }

    public CompletableFuture<VerifyResult> verify(ModelRow row) {
        row.detail.set("verifying…");
        return CompletableFuture.supplyAsync(() -> cache.verify(row.ref), background).whenComplete((r, e) -> UiThread.run(() -> {
            if (e != null) {
                row.detail.set(readable(e));
            } else if (r.ok()) {
                row.detail.set("verified: every file matches its recorded hash");
            } else if (r.badFiles().isEmpty()) {
                row.detail.set("not installed");
            } else {
                VerifyResult.BadFile bad = r.badFiles().get(0);
                row.detail.set(bad.name() + " is damaged (expected " + shortHash(bad.expected()) + ", found "
                        + shortHash(bad.actual()) + "): download it again");
                row.state.set("Damaged");
            }
        }));
    }

    public CompletableFuture<Void> remove(ModelRow row) {
        return CompletableFuture.runAsync(() -> {
            try {
                cache.remove(row.ref);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((v, e) -> {
            refreshRow(row);
            if (e != null) {
                UiThread.run(() -> row.detail.set(readable(e)));
            }
        });
    }

    static void show(ModelRow row, DownloadEvent e) {
        if (e instanceof DownloadProgress p) {
            row.progress.set(p.fraction());
            row.detail.set(p.file() + ": " + megabytes(p.bytes()) + (p.total() > 0 ? " of " + megabytes(p.total()) : "")
                    + (p.bytesPerSecond() > 0 ? ", " + megabytes((long) p.bytesPerSecond()) + "/s" : "")
                    + (p.eta() != null && !p.eta().isZero() ? ", " + eta(p.eta()) + " left" : ""));
        } else if (e instanceof DownloadNotice n) {
            row.detail.set(n.message());
        }
    }

    static String eta(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String shortHash(String h) {
        return h == null ? "?" : h.length() > 12 ? h.substring(0, 12) + "…" : h;
    }

    private static String title(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String readable(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    List<ModelRow> snapshot() {
        return List.copyOf(rows);
    }
}
