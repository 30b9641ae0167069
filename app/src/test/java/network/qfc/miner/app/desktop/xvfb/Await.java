package network.qfc.miner.app.desktop.xvfb;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a deadline; on time-out fails saying what was awaited and what the world looked like. */
public final class Await {
    private static final long POLL_MS = 250;

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; else fails after {@code deadline} with {@code what} and {@code context}
     * (the app's log tail, the journal's last events: whatever explains why it did not happen).
     */
    public static void until(String what, Duration deadline, BooleanSupplier condition, Supplier<String> context) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not seen within " + deadline.toSeconds() + " s: " + what + "\n" + context.get());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
