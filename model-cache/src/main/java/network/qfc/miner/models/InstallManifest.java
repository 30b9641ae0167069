package network.qfc.miner.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is installed in a model folder, written last as {@code .qfc-model.json}: each file's name, size and sha256,
 * where it came from ({@code hub}, {@code seed} or {@code import}), from what exactly ({@code origin}: a URL
 * prefix, an artifact, a path) and when (ISO-8601 UTC). Its presence (with every file of the right
 * size) is what makes a model INSTALLED; {@code verify} re-hashes against it without the network.
 */
public record InstallManifest(String model, String source, String installedAt, String origin, List<Entry> files) {
    /** The file name of the manifest in a model folder. */
    public static final String FILE_NAME = ".qfc-model.json";

    /** One installed file. */
    public record Entry(String name, long size, String sha256) {
        public Entry {
            ContainedPath.requireSafeFileName(name);
            sha256 = Sha256.requireHex(sha256, "sha256 of " + name);
        }
    }

    public InstallManifest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes the manifest into {@code dir} atomically (temporary file, then rename). */
    public void writeTo(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE_NAME + ".part");
        mapper().writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The manifest of {@code dir}, or empty when there is none or it cannot be read. */
    public static Optional<InstallManifest> readFrom(Path dir) {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper().readValue(f.toFile(), InstallManifest.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
