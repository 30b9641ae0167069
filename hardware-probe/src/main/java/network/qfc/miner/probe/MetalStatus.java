package network.qfc.miner.probe;

import java.util.OptionalLong;

/**
 * Whether Metal/CoreML can run here: macOS on Apple Silicon, where the GPU shares the main (unified) memory.
 *
 * @param usable          macOS on 64-bit ARM
 * @param unifiedMemoryMb the unified memory (total RAM) when usable
 * @param reason          why it is usable or not, in the user's words
 */
public record MetalStatus(boolean usable, OptionalLong unifiedMemoryMb, String reason) {
}
