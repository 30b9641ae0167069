package network.qfc.miner.models;

import java.util.List;
import java.util.Objects;

/** Where a model can be installed from without the hub: a Maven artifact ({@code group:artifact:version}) and its files. */
public record SeedSource(String artifact, List<SeedFile> files) {
    public SeedSource {
        Objects.requireNonNull(artifact, "artifact");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("seed " + artifact + " lists no files");
        }
    }
}
