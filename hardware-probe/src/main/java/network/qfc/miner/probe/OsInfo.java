package network.qfc.miner.probe;

/**
 * The operating system and architecture.
 *
 * @param family       OSHI's family name, e.g. {@code Linux}, {@code Debian GNU/Linux}, {@code macOS}, {@code Windows}
 * @param version      the version as the OS reports it, e.g. {@code 12 (bookworm) build 6.1.0}
 * @param architecture the JVM's architecture, e.g. {@code amd64}, {@code aarch64}
 * @param macOs        whether this is macOS (Metal is only there)
 */
public record OsInfo(String family, String version, String architecture, boolean macOs) {

    /** Whether the JVM runs on 64-bit ARM (Apple Silicon on a Mac). */
    public boolean arm64() {
        return architecture.equalsIgnoreCase("aarch64") || architecture.equalsIgnoreCase("arm64");
    }
}
