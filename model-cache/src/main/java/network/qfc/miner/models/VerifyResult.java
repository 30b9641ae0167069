package network.qfc.miner.models;

import java.util.List;

/** The outcome of re-hashing an installed model against its manifest: every file that is missing or differs. */
public record VerifyResult(ModelRef model, InstallState state, List<BadFile> badFiles) {
    /** One file that failed: its name, the recorded sha256 and the one found (or why it could not be read). */
    public record BadFile(String name, String expected, String actual) {
    }

    public VerifyResult {
        badFiles = List.copyOf(badFiles);
    }

    /** True when the model is installed and every file matches. */
    public boolean ok() {
        return state == InstallState.INSTALLED && badFiles.isEmpty();
    }
}
