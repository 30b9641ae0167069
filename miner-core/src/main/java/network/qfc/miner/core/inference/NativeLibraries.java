package network.qfc.miner.core.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Prepares this process for DJL and ONNX Runtime before either loads: offline, no usage tracking, and every native
 * library unpacked once into the app's native cache instead of the system temp folder.
 *
 * <p>ONNX Runtime's Java loader extracts its libraries into a fresh {@code onnxruntime-java*} temp folder on every
 * start unless {@code onnxruntime.native.path} names a folder holding them; so they are copied there once (per
 * ONNX Runtime version and platform). DJL's tokenizer library goes to {@code ENGINE_CACHE_DIR}. These are
 * process-wide system properties: the first engine of a process sets them, later ones keep them.
 */
public final class NativeLibraries {
    private static final String ORT_RESOURCE_DIR = "/ai/onnxruntime/native/";
    private static boolean prepared;

    private NativeLibraries() {
    }

    /** Sets the properties and unpacks ONNX Runtime's libraries into {@code cacheDir} (idempotent). */
    public static synchronized void prepare(Path cacheDir) {
        if (prepared) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // DJL's OnnxRuntime engine only: without these, DJL makes the Rust tokenizer engine (in the tokenizers jar) its
        // default and loads its 14 MB native library as an "alternative engine" at the first model load, for nothing
        setIfAbsent("ai.djl.default_engine", "OnnxRuntime");
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
        Path djl = cacheDir.resolve("djl");
        setIfAbsent("DJL_CACHE_DIR", djl.toString());
        setIfAbsent("ENGINE_CACHE_DIR", djl.resolve("engines").toString());
        if (System.getProperty("onnxruntime.native.path") == null) {
            Path ortDir = unpackOnnxRuntime(cacheDir);
            if (ortDir != null) {
                System.setProperty("onnxruntime.native.path", ortDir.toString());
            }
        }
        prepared = true;
        // DJL's OnnxRuntime engine creates ONNX Runtime's one environment itself (with its threading options) and
        // fails if anything created it before: let it be first, so that plain ONNX Runtime callers (the bench's
        // baseline) get the same environment afterwards
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
    }

    /**
     * ONNX Runtime 1.21 creates an {@code onnxruntime-java*} folder in the system temp folder at start-up whatever
     * {@code onnxruntime.native.path} says, and only removes it when the JVM exits normally. With the native path
     * set it stays empty: remove it now, so that not even a killed process leaves it behind. Call after ONNX Runtime
     * has loaded; best effort (the field is private to ONNX Runtime).
     */
    public static void removeOrtTempFolder() {
        try {
            Class<?> runtime = Class.forName("ai.onnxruntime.OnnxRuntime");
            java.lang.reflect.Field f = runtime.getDeclaredField("tempDirectory");
            f.setAccessible(true);
            Object dir = f.get(null);
            if (dir instanceof Path p && Files.isDirectory(p)) {
                try (var entries = Files.list(p)) {
                    if (entries.findAny().isEmpty()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            // another ONNX Runtime version: its own exit hook removes the folder
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Copies libonnxruntime + its JNI glue for this platform; null when the jar has none for it. */
    static Path unpackOnnxRuntime(Path cacheDir) {
        String platform = ortPlatform();
        List<String> libs = List.of(libraryName("onnxruntime"), libraryName("onnxruntime4j_jni"));
        String version = ortVersion();
        Path target = cacheDir.resolve("onnxruntime-" + version + "-" + platform);
        try {
            if (libs.stream().allMatch(l -> Files.isRegularFile(target.resolve(l)))) {
                return target;
            }
            for (String lib : libs) {
                if (NativeLibraries.class.getResource(ORT_RESOURCE_DIR + platform + "/" + lib) == null) {
                    return null;
                }
            }
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, ".onnxruntime-staging");
            try {
                for (String lib : libs) {
                    try (InputStream in = NativeLibraries.class.getResourceAsStream(ORT_RESOURCE_DIR + platform + "/" + lib)) {
                        Files.copy(in, staging.resolve(lib), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.createDirectories(target);
                for (String lib : libs) {
                    Files.move(staging.resolve(lib), target.resolve(lib), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                try (var left = Files.list(staging)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack ONNX Runtime into " + target + ": " + e.getMessage()
                    + " (check that the folder is writable)", e);
        }
    }

    private static String ortVersion() {
        Package p = ai.onnxruntime.OrtEnvironment.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null) {
            try (InputStream in = NativeLibraries.class.getResourceAsStream(
                    "/META-INF/maven/com.microsoft.onnxruntime/onnxruntime/pom.properties")) {
                if (in != null) {
                    java.util.Properties props = new java.util.Properties();
                    props.load(in);
                    v = props.getProperty("version");
                }
            } catch (IOException e) {
                v = null;
            }
        }
        return v == null ? "unknown" : v;
    }

    private static String libraryName(String name) {
        return System.mapLibraryName(name).replace("jnilib", "dylib");
    }

    /** ONNX Runtime's resource folder name for this OS and CPU: linux-x64, osx-aarch64, win-x64, ... */
    static String ortPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64")
                ? "aarch64" : arch;
        return o + "-" + a;
    }
}
