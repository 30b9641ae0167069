package network.qfc.miner.core.mining;

/** A task this miner cannot run (a task type or model it does not have); the task is journaled FAILED with this. */
public final class UnsupportedTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedTaskException(String message) {
        super(message);
    }
}
