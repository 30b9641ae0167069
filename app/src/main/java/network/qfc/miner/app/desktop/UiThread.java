package network.qfc.miner.app.desktop;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The one place where work crosses onto the JavaFX thread. Core services publish on their own threads; screens
 * change only here.
 */
public final class UiThread {
    private UiThread() {
    }

    /** Runs {@code action} on the FX thread: now if already there, else soon. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * A coalescing hop to the FX thread: however often {@link #request()} is called, at most one update is queued at a
     * time, and it reads the latest state when it runs. Used for snapshots that may change hundreds of times a second.
     */
    public static final class Coalescer {
        private final Runnable update;
        private final AtomicBoolean queued = new AtomicBoolean();

        public Coalescer(Runnable update) {
            this.update = update;
        }

        public void request() {
            if (queued.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    queued.set(false);
                    update.run();
                });
            }
        }
    }
}
