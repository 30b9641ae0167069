package network.qfc.miner.probe;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for the CUDA 12 runtime library that ONNX Runtime's GPU build loads ({@code libcudart.so.12} on Linux,
 * {@code cudart64_12.dll} on Windows) in a list of directories.
 */
public final class CudaRuntimeLocator {
    /** The file names of the CUDA 12 runtime on Linux and Windows. */
    public static final List<String> LIBRARY_NAMES = List.of("libcudart.so.12", "cudart64_12.dll");

    private final List<Path> directories;

    /** A locator over exactly these directories. */
    public CudaRuntimeLocator(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /**
     * The directories the dynamic loader would search here: {@code LD_LIBRARY_PATH}, {@code java.library.path},
     * {@code CUDA_PATH}/{@code CUDA_HOME}, the usual CUDA install folders and system library folders, and on Windows
     * {@code PATH} (where DLLs are found).
     */
    public static CudaRuntimeLocator forThisMachine() {
        Set<String> entries = new LinkedHashSet<>();
        addPathList(entries, System.getenv("LD_LIBRARY_PATH"));
        addPathList(entries, System.getProperty("java.library.path"));
        for (String var : List.of("CUDA_PATH", "CUDA_HOME")) {
            String home = System.getenv(var);
            if (home != null && !home.isBlank()) {
                entries.add(home + File.separator + "lib64");
                entries.add(home + File.separator + "bin");
                entries.add(home + File.separator + "bin" + File.separator + "x64");
            }
        }
        entries.addAll(List.of("/usr/local/cuda/lib64", "/usr/local/cuda-12/lib64",
                "/usr/local/cuda/targets/x86_64-linux/lib", "/usr/local/cuda/targets/sbsa-linux/lib",
                "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64"));
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            addPathList(entries, System.getenv("PATH"));
        }
        List<Path> dirs = new ArrayList<>();
        for (String e : entries) {
            try {
                dirs.add(Path.of(e));
            } catch (InvalidPathException ignored) {
                // not a path on this OS: the loader would not use it either
            }
        }
        return new CudaRuntimeLocator(dirs);
    }

    private static void addPathList(Set<String> into, String list) {
        if (list == null) {
            return;
        }
        for (String e : list.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                into.add(e.trim());
            }
        }
    }

    /** The first CUDA 12 runtime library found, or empty. */
    public Optional<Path> find() {
        for (Path dir : directories) {
            for (String name : LIBRARY_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
