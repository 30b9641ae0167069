package network.qfc.miner.models;

import java.util.concurrent.CancellationException;
import okhttp3.Call;

/** The cancel switch of one install: set from any thread, it also aborts the HTTP call in flight. */
final class Cancellation {
    private volatile boolean cancelled;
    private volatile Call current;

    void cancel() {
        cancelled = true;
        Call c = current;
        if (c != null) {
            c.cancel();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    void attach(Call call) {
        current = call;
        if (cancelled) {
            call.cancel();
        }
    }

    void detach() {
        current = null;
    }
}
