package network.qfc.miner.core.inference;

/** A task's input cannot be embedded (not UTF-8, too large): the task's fault, not the miner's. */
public final class TaskInputException extends InferenceException {
    public TaskInputException(String message) {
        super(message);
    }
}
