package network.qfc.miner.models;

import java.nio.file.Path;

/** Not enough free space in the cache folder for a download; nothing was fetched. */
public final class InsufficientDiskSpaceException extends ModelCacheException {
    public InsufficientDiskSpaceException(ModelRef model, long needed, long free, Path dir) {
        super(model + " needs " + mb(needed) + " in " + dir + " but only " + mb(free)
                + " is free; free some space or choose another folder with --model-dir / QFC_MODEL_DIR");
    }

    private static String mb(long bytes) {
        return bytes < 100_000 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
