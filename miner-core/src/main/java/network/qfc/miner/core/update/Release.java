package network.qfc.miner.core.update;

import java.util.Objects;

/** A published release: its version (without a leading "v") and the page that says what is in it. */
public record Release(String version, String page) {
    public Release {
        Objects.requireNonNull(version, "version");
        page = Objects.requireNonNullElse(page, "");
    }
}
