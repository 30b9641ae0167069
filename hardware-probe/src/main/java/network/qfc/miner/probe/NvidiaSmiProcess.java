package network.qfc.miner.probe;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@code nvidia-smi}: looked up in a list of directories, run only when found, killed after a time limit.
 * Output goes to a temporary file so a chatty or stuck program can never block us on a full pipe.
 */
final class NvidiaSmiProcess implements NvidiaSmi {
    private static final Logger LOG = LoggerFactory.getLogger(NvidiaSmiProcess.class);

    private final List<Path> directories;
    private final Duration timeout;

    NvidiaSmiProcess(List<Path> directories, Duration timeout) {
        this.directories = List.copyOf(directories);
        this.timeout = timeout;
    }

    /** The directories of the {@code PATH} environment variable, skipping entries that are not paths. */
    static List<Path> pathDirectories() {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        if (path == null) {
            return dirs;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                dirs.add(Path.of(entry.trim()));
            } catch (InvalidPathException e) {
                LOG.debug("skipping PATH entry {}", entry);
            }
        }
        return dirs;
    }

    Optional<Path> locate() {
        for (Path dir : directories) {
            for (String name : List.of("nvidia-smi", "nvidia-smi.exe")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> queryGpus() {
        Optional<Path> program = locate();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("qfc-nvidia-smi", ".csv");
            List<String> command = new ArrayList<>();
            command.add(program.get().toString());
            command.addAll(QUERY_ARGUMENTS);
            process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("nvidia-smi did not answer within {} ms; treating the NVIDIA driver as unavailable",
                        timeout.toMillis());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                LOG.info("nvidia-smi exited with {}; treating the NVIDIA driver as unavailable", process.exitValue());
                return Optional.empty();
            }
            return Optional.of(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.info("could not run nvidia-smi: {}", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", out);
                }
            }
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
