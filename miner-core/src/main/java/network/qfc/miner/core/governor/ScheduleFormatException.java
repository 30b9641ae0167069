package network.qfc.miner.core.governor;

/**
 * A mining-hours text that cannot be read, e.g. {@code "mon-fry 22:00-07:00"}: the message says which entry is wrong,
 * why, and shows the expected form.
 */
public final class ScheduleFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ScheduleFormatException(String message) {
        super(message);
    }
}
