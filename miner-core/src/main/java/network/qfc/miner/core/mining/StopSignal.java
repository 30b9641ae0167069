package network.qfc.miner.core.mining;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stop request that cuts every wait short: the loop's and the submitter's sleeps end at once when it is raised. */
public final class StopSignal {
    private final CountDownLatch raised = new CountDownLatch(1);

    /** Raises the signal (idempotent). */
    public void raise() {
        raised.countDown();
    }

    public boolean isRaised() {
        return raised.getCount() == 0;
    }

    /** Waits {@code d} unless the signal is raised first. Returns true when the whole wait passed. */
    public boolean sleep(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return !isRaised();
        }
        try {
            return !raised.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
