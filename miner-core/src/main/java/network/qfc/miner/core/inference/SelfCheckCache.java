package network.qfc.miner.core.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-check results kept in the app's data folder ({@code self-check.json}), one per backend, model, ONNX Runtime
 * version and CPU architecture: a backend is checked once, not at every start. A damaged file is ignored (checked
 * again), never fatal. Thread-safe.
 */
public final class SelfCheckCache {
    private static final Logger LOG = LoggerFactory.getLogger(SelfCheckCache.class);
    public static final String FILE = "self-check.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public SelfCheckCache(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The key of a backend and model on this machine's ONNX Runtime and architecture. */
    static String key(String backendKey, String model) {
        String ort = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        return backendKey + "|" + model + "|ort " + (ort == null ? "?" : ort) + "|" + System.getProperty("os.arch");
    }

    public synchronized Optional<SelfCheckResult> find(String backendKey, String model) {
        return Optional.ofNullable(read().get(key(backendKey, model)));
    }

    /** Every kept result, as read from the file (what the Hardware page shows). */
    public synchronized java.util.List<SelfCheckResult> all() {
        return java.util.List.copyOf(read().values());
    }

    public synchronized void remember(SelfCheckResult r) {
        Map<String, SelfCheckResult> all = read();
        all.put(key(r.backendKey(), r.model()), r);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not keep the self-check result in {}: {} (it will be checked again next start)", file,
                    e.getMessage());
        }
    }

    private Map<String, SelfCheckResult> read() {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(file.toFile(), json.getTypeFactory().constructMapType(LinkedHashMap.class,
                    String.class, SelfCheckResult.class));
        } catch (IOException e) {
            LOG.warn("ignoring the damaged self-check file {}: {}", file, e.getMessage());
            return new LinkedHashMap<>();
        }
    }
}
