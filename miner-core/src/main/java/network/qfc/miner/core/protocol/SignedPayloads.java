package network.qfc.miner.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The messages a miner signs for {@code qfc_registerMiner} and {@code qfc_reportMinerStatus}. The node rebuilds
 * them as {@code format!("{}{}{}", req.miner_address, req.gpu_model, req.benchmark_score)} from the address TEXT it
 * was sent, so the address here is {@link Address#hex()} (40 lower-case hex, no {@code 0x}) and the request must
 * carry exactly that text. Sign the result with {@link ValidatorKey#signBlake3(byte[])}.
 */
public final class SignedPayloads {
    private SignedPayloads() {
    }

    /** UTF-8 of address hex + gpuModel + decimal benchmarkScore, no separators. */
    public static byte[] registerMinerMessage(Address miner, String gpuModel, long benchmarkScore) {
        if (benchmarkScore < 0 || benchmarkScore > 0xffff_ffffL) {
            throw new IllegalArgumentException("benchmark score must fit in a u32, got " + benchmarkScore);
        }
        return (miner.hex() + gpuModel + benchmarkScore).getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 of address hex + decimal pendingTasks. */
    public static byte[] reportStatusMessage(Address miner, long pendingTasks) {
        if (pendingTasks < 0 || pendingTasks > 0xffff_ffffL) {
            throw new IllegalArgumentException("pending tasks must fit in a u32, got " + pendingTasks);
        }
        return (miner.hex() + pendingTasks).getBytes(StandardCharsets.UTF_8);
    }
}
