package network.qfc.miner.core.protocol.rpc;

import java.util.Arrays;
import java.util.Objects;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.SignedPayloads;
import network.qfc.miner.core.protocol.ValidatorKey;

/**
 * {@code qfc_registerMiner}'s request: the v2.0 fields (address, GPU, VRAM, benchmark score 0..10000, backend,
 * signature) plus v2.2's (public key, os {@code linux|macos|windows}, arch {@code x86_64|aarch64}, CPU model and
 * cores, total memory, miner version). Build it with {@link #signed}, which signs
 * {@link SignedPayloads#registerMinerMessage}.
 */
public record RegisterMinerRequest(Address minerAddress, String gpuModel, long vramMb, long benchmarkScore,
                                   ComputeBackend backend, byte[] publicKey, String os, String arch, String cpuModel,
                                   int cpuCores, long totalMemoryMb, String version, byte[] signature) {
    public RegisterMinerRequest {
        Objects.requireNonNull(minerAddress, "minerAddress");
        Objects.requireNonNull(gpuModel, "gpuModel");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(version, "version");
        if (benchmarkScore < 0 || benchmarkScore > 10_000) {
            throw new IllegalArgumentException("benchmark score must be 0..10000, got " + benchmarkScore);
        }
        if (vramMb < 0 || totalMemoryMb < 0 || cpuCores < 0) {
            throw new IllegalArgumentException("memory sizes and core counts must not be negative");
        }
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("the public key must be 32 bytes");
        }
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("the signature must be 64 bytes");
        }
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    /** The request for {@code key}, signed over address hex + gpuModel + decimal benchmarkScore. */
    public static RegisterMinerRequest signed(ValidatorKey key, String gpuModel, long vramMb, long benchmarkScore,
                                              ComputeBackend backend, String os, String arch, String cpuModel,
                                              int cpuCores, long totalMemoryMb, String version) {
        byte[] sig = key.signBlake3(SignedPayloads.registerMinerMessage(key.address(), gpuModel, benchmarkScore));
        return new RegisterMinerRequest(key.address(), gpuModel, vramMb, benchmarkScore, backend, key.publicKey(), os,
                arch, cpuModel, cpuCores, totalMemoryMb, version, sig);
    }

    @Override public byte[] publicKey() { return publicKey.clone(); }
    @Override public byte[] signature() { return signature.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterMinerRequest r && minerAddress.equals(r.minerAddress) && gpuModel.equals(r.gpuModel)
                && vramMb == r.vramMb && benchmarkScore == r.benchmarkScore && backend == r.backend
                && Arrays.equals(publicKey, r.publicKey) && os.equals(r.os) && arch.equals(r.arch)
                && cpuModel.equals(r.cpuModel) && cpuCores == r.cpuCores && totalMemoryMb == r.totalMemoryMb
                && version.equals(r.version) && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minerAddress, gpuModel, vramMb, benchmarkScore, backend, Arrays.hashCode(publicKey), os,
                arch, cpuModel, cpuCores, totalMemoryMb, version, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "RegisterMinerRequest[" + minerAddress + ", gpu=" + gpuModel + ", vramMb=" + vramMb + ", score="
                + benchmarkScore + ", backend=" + backend + ", publicKey=" + Hex.encode(publicKey) + ", " + os + "/"
                + arch + ", cpu=" + cpuModel + " x" + cpuCores + ", memMb=" + totalMemoryMb + ", version=" + version + "]";
    }
}
