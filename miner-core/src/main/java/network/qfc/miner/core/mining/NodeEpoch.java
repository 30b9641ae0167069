package network.qfc.miner.core.mining;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The epoch to put in a proof. Tasks are stamped with unix-ms / 10 000, but an A node (v2.0 validator node) checks a
 * proof against its consensus epoch, which counts from the node's start: it refuses the task's epoch with "Epoch
 * mismatch: expected N, got M". Both advance every 10 s, so the difference is steady: learnt once from the refusal
 * (or {@code qfc_getEpoch}), it is applied to every later proof. C nodes do not check the epoch; the task's is sent.
 * Thread-safe.
 */
public final class NodeEpoch {
    private final AtomicLong offset = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();

    /** The epoch to sign for a task stamped {@code taskEpoch}. */
    public long forTask(long taskEpoch) {
        return taskEpoch + offset.get();
    }

    /** The node said it expected {@code expected} for a proof of a task stamped {@code taskEpoch}. */
    public void learn(long taskEpoch, long expected) {
        asked.set(true);
        offset.set(expected - taskEpoch);
    }

    /**
     * Once per run, on a node that checks epochs (layout A or B, known from the journal after a restart): asks the
     * node's epoch ({@code qfc_getEpoch}) and learns the difference to the epoch of a task it handed out, so that not
     * even the first proof after a restart is refused for its epoch. A failed ask is not repeated: a refusal still
     * teaches it.
     */
    public void calibrateOnce(long taskEpoch, java.util.function.LongSupplier nodeEpoch) {
        if (!asked.compareAndSet(false, true)) {
            return;
        }
        try {
            learn(taskEpoch, nodeEpoch.getAsLong());
        } catch (RuntimeException e) {
            // the node did not say: its refusal will
        }
    }

    /** The node behind the URL may have changed (it forgot the miner, or no longer decodes its layout): learn again. */
    public void reset() {
        offset.set(0);
        asked.set(false);
    }

    /** The difference learnt (0 until an A node said otherwise). */
    public long offset() {
        return offset.get();
    }
}
