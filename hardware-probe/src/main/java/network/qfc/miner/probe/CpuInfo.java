package network.qfc.miner.probe;

import java.util.Set;

/**
 * The processor.
 *
 * @param name          the marketing name, e.g. {@code AMD EPYC 7B13}
 * @param vendor        the vendor string, e.g. {@code AuthenticAMD}
 * @param physicalCores physical cores
 * @param logicalCores  logical processors (hardware threads)
 * @param simd          vector instruction sets found
 */
public record CpuInfo(String name, String vendor, int physicalCores, int logicalCores, Set<SimdFeature> simd) {
    public CpuInfo {
        simd = Set.copyOf(simd);
    }
}
