package network.qfc.miner.probe;

/**
 * What an approved model needs of a machine, as the node assigns it.
 *
 * @param name        the QFC name, e.g. {@code qfc-embed-small}
 * @param version     e.g. {@code v1.0}
 * @param minTier     the lowest tier the node gives this model's tasks to
 * @param minMemoryMb the memory the model needs, in MB
 */
public record ModelRequirement(String name, String version, GpuTier minTier, long minMemoryMb) {

    /** {@code name@version}, as proofs and tasks write it. */
    public String qualifiedName() {
        return name + "@" + version;
    }
}
