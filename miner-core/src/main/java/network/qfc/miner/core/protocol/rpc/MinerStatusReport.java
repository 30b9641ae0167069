package network.qfc.miner.core.protocol.rpc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.SignedPayloads;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * {@code qfc_reportMinerStatus}'s request: loaded models, pending tasks (u32) and the signature over
 * {@link SignedPayloads#reportStatusMessage}. Build it with {@link #signed}.
 */
public record MinerStatusReport(Address minerAddress, List<LoadedModel> loadedModels, long pendingTasks,
                                byte[] signature) {
    public MinerStatusReport {
        Objects.requireNonNull(minerAddress, "minerAddress");
        loadedModels = List.copyOf(loadedModels);
        if (pendingTasks < 0 || pendingTasks > 0xffff_ffffL) {
            throw new IllegalArgumentException("pending tasks must fit in a u32, got " + pendingTasks);
        }
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("the signature must be 64 bytes");
        }
        signature = signature.clone();
    }

    public static MinerStatusReport signed(ValidatorKey key, List<LoadedModel> loadedModels, long pendingTasks) {
        byte[] sig = key.signBlake3(SignedPayloads.reportStatusMessage(key.address(), pendingTasks));
        return new MinerStatusReport(key.address(), loadedModels, pendingTasks, sig);
    }

    @Override public byte[] signature() { return signature.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinerStatusReport r && minerAddress.equals(r.minerAddress)
                && loadedModels.equals(r.loadedModels) && pendingTasks == r.pendingTasks
                && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minerAddress, loadedModels, pendingTasks, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "MinerStatusReport[" + minerAddress + ", models=" + loadedModels + ", pending=" + pendingTasks + "]";
    }
}
