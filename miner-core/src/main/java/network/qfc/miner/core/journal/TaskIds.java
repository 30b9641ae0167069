package network.qfc.miner.core.journal;

import network.qfc.miner.core.protocol.Hex;

/** Checks and normalizes the 64-hex identifiers the journal keys on (task ids, output hashes). */
final class TaskIds {
    private TaskIds() {
    }

    static String normalize(String taskId) {
        return hex32("task id", taskId);
    }

    static String hex32(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing (expected 64 hex digits)");
        }
        String h = Hex.normalize(value);
        Hex.decodeFixed(what, h, 32);
        return h;
    }
}
