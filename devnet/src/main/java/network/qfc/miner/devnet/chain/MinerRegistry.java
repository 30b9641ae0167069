package network.qfc.miner.devnet.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.qfc.miner.core.protocol.Address;

/**
 * The newer nodes' registry of miners (address -> public key and profile), held in memory only: a node restart
 * forgets it ({@link #forgetAll()}), and a proof from a key it does not know is answered "Unknown miner — register
 * first via qfc_registerMiner" unless the key is a validator's. Thread-safe.
 */
public final class MinerRegistry {

    /** One registration as {@code qfc_getRegisteredMiners} lists it. */
    public record Registration(Address address, byte[] publicKey, String gpuModel, long benchmarkScore, int tier,
            long vramMb, String backend, long registeredAtMs, String os, String arch, String cpuModel, long cpuCores,
            long totalMemoryMb, String version) {
        public Registration {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    private final Map<Address, Registration> miners = new LinkedHashMap<>();
    private long forgotten;

    /** Stores (or replaces) a miner's key and profile. */
    public synchronized void put(Registration r) {
        miners.put(r.address(), r);
    }

    public synchronized Optional<Registration> get(Address address) {
        return Optional.ofNullable(miners.get(address));
    }

    public synchronized List<Registration> all() {
        return new ArrayList<>(miners.values());
    }

    /** Forgets every registration, as a restart of the node does. */
    public synchronized void forgetAll() {
        miners.clear();
        forgotten++;
    }

    /** How many times the registry was emptied. */
    public synchronized long timesForgotten() {
        return forgotten;
    }
}
