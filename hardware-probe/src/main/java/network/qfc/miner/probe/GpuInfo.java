package network.qfc.miner.probe;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One graphics processor.
 *
 * @param vendor        vendor as reported, e.g. {@code NVIDIA Corporation}
 * @param name          model name, e.g. {@code NVIDIA GeForce RTX 4090}
 * @param vramMb        dedicated memory in MB, empty when unknown (never a fake 0)
 * @param vramSource    who reported {@code vramMb}
 * @param driverVersion the driver version when known (from {@code nvidia-smi})
 */
public record GpuInfo(String vendor, String name, OptionalLong vramMb, VramSource vramSource,
                      Optional<String> driverVersion) {

    /** Whether this is an NVIDIA GPU (the only kind CUDA runs on). */
    public boolean nvidia() {
        String both = (vendor + " " + name).toLowerCase(Locale.ROOT);
        return both.contains("nvidia") || both.contains("10de");
    }
}
