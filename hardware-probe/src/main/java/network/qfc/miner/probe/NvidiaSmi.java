package network.qfc.miner.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits}. The real one is
 * {@link NvidiaSmiProcess}; tests hand in canned output.
 */
public interface NvidiaSmi {

    /** The arguments of the query, after the program name. */
    List<String> QUERY_ARGUMENTS = List.of("--query-gpu=name,memory.total,driver_version",
            "--format=csv,noheader,nounits");

    /**
     * Standard output of the query, or empty when {@code nvidia-smi} is not installed, exits with an error or does
     * not answer in time.
     */
    Optional<String> queryGpus();

    /** The {@code nvidia-smi} found on {@code PATH}, run with a 3 s time limit. */
    static NvidiaSmi onPath() {
        return new NvidiaSmiProcess(NvidiaSmiProcess.pathDirectories(), Duration.ofSeconds(3));
    }

    /** For machines or tests where no {@code nvidia-smi} must be run. */
    static NvidiaSmi absent() {
        return Optional::empty;
    }

    /** A runner for the {@code nvidia-smi} in the given directories (first found wins). */
    static NvidiaSmi inDirectories(List<Path> directories, Duration timeout) {
        return new NvidiaSmiProcess(directories, timeout);
    }
}
