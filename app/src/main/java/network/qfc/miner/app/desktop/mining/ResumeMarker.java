package network.qfc.miner.app.desktop.mining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that exists while the app mines and the user has not stopped it: left behind by a crash or a log-out, it
 * tells the next start to mine again; the user's Stop or Quit removes it.
 */
final class ResumeMarker {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeMarker.class);
    private final Path file;

    ResumeMarker(Path file) {
        this.file = file;
    }

    void remember() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "mining\n");
            }
        } catch (IOException e) {
            LOG.warn("could not note that mining is on ({}): after a crash it will not resume by itself", e.getMessage());
        }
    }

    boolean wasMining() {
        return Files.exists(file);
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove {}: the next start may mine by itself", file);
        }
    }
}
