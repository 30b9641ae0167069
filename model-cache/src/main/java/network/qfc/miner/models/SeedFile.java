package network.qfc.miner.models;

import java.util.Objects;

/**
 * One file of the offline seed: a resource of the bundled Maven artifact (e.g. {@code /all-minilm-l6-v2.onnx}),
 * the name it gets in the model folder, and its exact size and sha256 (measured from the artifact).
 */
public record SeedFile(String resource, String localName, long size, String sha256) {
    public SeedFile {
        Objects.requireNonNull(resource, "resource");
        ContainedPath.requireSafeFileName(localName);
        sha256 = Sha256.requireHex(sha256, "sha256 of seed " + resource);
    }

    /** The jar entry name of the resource (no leading slash). */
    public String entryName() {
        return resource.startsWith("/") ? resource.substring(1) : resource;
    }
}
