package network.qfc.miner.models;

import java.util.Objects;

/**
 * One file of a model on the Hugging Face Hub: its path in the repository, the name it gets in the model folder,
 * and its size and sha256 when the registry knows them (null when not). {@code required} files must be present for
 * the model to run; the others (e.g. {@code config.json}) are fetched but an import may go without them.
 */
public record ModelFile(String remotePath, String localName, Long size, String sha256, boolean required) {
    public ModelFile {
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(localName, "localName");
        ContainedPath.requireSafeRemotePath(remotePath);
        ContainedPath.requireSafeFileName(localName);
        if (sha256 != null) {
            sha256 = Sha256.requireHex(sha256, "sha256 of " + remotePath);
        }
        if (size != null && size < 0) {
            throw new IllegalArgumentException("negative size for " + remotePath);
        }
    }
}
