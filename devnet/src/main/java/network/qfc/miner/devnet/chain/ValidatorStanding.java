package network.qfc.miner.devnet.chain;

import java.math.BigInteger;
import network.qfc.miner.core.protocol.Address;

/**
 * A validator as the devnet holds it at one instant (immutable).
 *
 * <p>Two stakes, as in the v2.0 node: {@code chainStakeWei} is the chain state that {@code qfc_getStake} and
 * {@code qfc_getValidators} report, which a slash does NOT move; {@code consensusStakeWei} is the consensus engine's
 * stake that {@code qfc_getValidatorScoreBreakdown} reports, which a slash lowers by 5 %.
 *
 * @param reputation        0..10000 (the node starts every validator at 5000)
 * @param jailUntilMs       when the jail ends (ms since the Unix epoch), 0 when not jailed
 * @param verificationsPassed spot checks and challenges passed
 * @param verificationsFailed spot checks and challenges failed
 */
public record ValidatorStanding(
        Address address,
        String publicKeyHex,
        BigInteger chainStakeWei,
        BigInteger consensusStakeWei,
        int reputation,
        boolean jailed,
        long jailUntilMs,
        long inferenceScore,
        long tasksCompleted,
        boolean providesCompute,
        String gpuModel,
        long benchmarkScore,
        int tier,
        long vramMb,
        String backend,
        long verificationsPassed,
        long verificationsFailed,
        int slashCount,
        long flopsTotal,
        long executionMsTotal) {

    /** The node's rule: not jailed and with stake. */
    public boolean isActive() {
        return !jailed && consensusStakeWei.signum() > 0;
    }

    /** "inference" once it has done inference work, "pow" if it provides compute without, else "none" (the node's rule). */
    public String computeMode() {
        if (inferenceScore > 0 || tasksCompleted > 0) {
            return "inference";
        }
        return providesCompute ? "pow" : "none";
    }

    /** Verification pass rate, 0..1 (1 before any check, as the node starts at 100 %). */
    public double verificationPassRatio() {
        long total = verificationsPassed + verificationsFailed;
        return total == 0 ? 1.0 : (double) verificationsPassed / total;
    }
}
