package network.qfc.miner.core.journal;

import java.util.Objects;

/**
 * A miner event worth keeping (paused, resumed, jailed, node unreachable, ...): when, what kind, and a free text
 * detail. Never put a secret in a detail.
 */
public record EventRecord(long atMs, String kind, String detail) {
    public EventRecord {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
