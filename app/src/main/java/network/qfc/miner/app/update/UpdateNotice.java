package network.qfc.miner.app.update;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import network.qfc.miner.core.update.UpdateCheck;

/**
 * The quiet line "update: qfc-desktop-miner X is out" that {@code mine} and the desktop app show when the daily
 * {@link UpdateCheck} finds a newer release. The check runs on its own daemon thread: it never delays mining, and a
 * failed check shows nothing.
 */
public final class UpdateNotice {
    private UpdateNotice() {
    }

    /**
     * Starts the check in the background; {@code show} gets the line (on the check's thread) only when a newer
     * release exists.
     *
     * @param env     the process environment ({@code QFC_UPDATE_FEED})
     * @param dataDir where the day's answer is kept
     */
    public static void start(Map<String, String> env, Path dataDir, String currentVersion, Consumer<String> show) {
        UpdateCheck.configured(env, dataDir).ifPresent(check -> {
            Thread t = new Thread(() -> check.newerThan(currentVersion)
                    .ifPresent(r -> show.accept(UpdateCheck.notice(r, currentVersion))), "qfc-update-check");
            t.setDaemon(true);
            t.start();
        });
    }
}
