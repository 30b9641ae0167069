package network.qfc.miner.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link AppSettings} as JSON. Saves are debounced (a burst of changes writes once, 1 s after the
 * last) and atomic (temp file + rename), so a crash never leaves half a settings file. A file that cannot be read
 * is kept aside as {@code settings.json.broken} and the defaults are used, with the reason kept for the UI.
 */
public final class SettingsStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Duration debounce;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final AtomicReference<AppSettings> current = new AtomicReference<>();
    private final ScheduledExecutorService writer;
    private final Object saveLock = new Object();
    private ScheduledFuture<?> pendingSave;
    private volatile String loadProblem;
    private volatile Consumer<String> saveFailureListener = msg -> { };

    public SettingsStore(Path file, Duration debounce) {
        this.file = Objects.requireNonNull(file, "file");
        this.debounce = debounce;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qfc-settings-writer");
            t.setDaemon(true);
            return t;
        });
        current.set(load());
    }

    public Path file() {
        return file;
    }

    public AppSettings get() {
        return current.get();
    }

    /** Why the saved settings could not be used, if they could not (shown once to the user). */
    public String loadProblem() {
        return loadProblem;
    }

    /** Called with a readable message when a save fails (disk full, no permission). */
    public void onSaveFailure(Consumer<String> listener) {
        this.saveFailureListener = Objects.requireNonNull(listener);
    }

    /** Replaces the settings and schedules a save. */
    public void update(AppSettings settings) {
        current.set(Objects.requireNonNull(settings));
        synchronized (saveLock) {
            if (pendingSave != null) {
                pendingSave.cancel(false);
            }
            pendingSave = writer.schedule(this::saveNow, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the current settings at once (also what {@link #close()} does with a pending save). */
    public void saveNow() {
        AppSettings s = current.get();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            String msg = "Could not save settings to " + file + ": " + e.getMessage()
                    + ". Your changes apply until you quit; free disk space or check the folder's permissions.";
            LOG.warn(msg);
            saveFailureListener.accept(msg);
        }
    }

    private AppSettings load() {
        if (!Files.exists(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings s = json.readValue(file.toFile(), AppSettings.class);
            return s == null ? AppSettings.defaults() : s;
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.debug("could not move broken settings aside", moveFailed);
            }
            loadProblem = "Your settings file could not be read (" + firstLine(e.getMessage()) + "). It was kept as "
                    + aside.getFileName() + " and the defaults are used.";
            LOG.warn(loadProblem);
            return AppSettings.defaults();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        boolean hadPending;
        synchronized (saveLock) {
            hadPending = pendingSave != null && pendingSave.cancel(false);
        }
        writer.shutdown();
        if (hadPending) {
            saveNow();
        }
    }
}
