package network.qfc.miner.models;

/** A file whose sha256 is not the one expected; the bad file has been deleted. */
public final class ChecksumMismatchException extends ModelCacheException {
    private final String file;
    private final String expected;
    private final String actual;

    public ChecksumMismatchException(ModelRef model, String file, String expected, String actual, String expectedFrom) {
        super("checksum mismatch for " + file + " of " + model + ": expected sha256 " + expected + " (" + expectedFrom
                + "), got " + actual + "; the bad file was deleted, pull again");
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
