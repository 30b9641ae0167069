package network.qfc.miner.devnet.chain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A validator's contribution score split into the node's seven weighted parts (total 0..10000): stake 30 %, compute
 * 20 %, uptime 15 %, accuracy 15 %, network 10 %, storage 5 %, reputation 5 %. Computed like the node's
 * {@code get_validator_score_breakdown}, with the devnet's fixed figures for what a one-computer chain has no
 * measurement of (uptime and accuracy 100 %, latency 100 ms, bandwidth 100 Mbps, no storage). Compute: the v2.0 node
 * scores hashrate only; the devnet scores the validator's share of the inference score (v2 "inference replaces
 * hashrate"), so an inference miner's compute part moves as its proofs are accepted.
 */
public record ScoreBreakdown(long stakeScore, long computeScore, long uptimeScore, long accuracyScore, long networkScore,
        long storageScore, long reputationScore) {

    /** The devnet's fixed raw metrics (the node's defaults for a fresh validator). */
    public static final int UPTIME_BPS = 10_000;
    public static final int ACCURACY_BPS = 10_000;
    public static final int AVG_LATENCY_MS = 100;
    public static final int BANDWIDTH_MBPS = 100;

    public long total() {
        return stakeScore + computeScore + uptimeScore + accuracyScore + networkScore + storageScore + reputationScore;
    }

    /** The breakdown of {@code v} among {@code all} validators (consensus stakes). */
    public static ScoreBreakdown of(ValidatorStanding v, List<ValidatorStanding> all) {
        BigDecimal totalStake = new BigDecimal(all.stream().map(ValidatorStanding::consensusStakeWei)
                .reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add));
        double stakeRatio = totalStake.signum() > 0
                ? new BigDecimal(v.consensusStakeWei()).divide(totalStake, MathContext.DECIMAL64).doubleValue()
                : 0.0;
        long stakeScore = (long) (stakeRatio * 3000.0);
        double totalInference = all.stream().mapToDouble(s -> (double) s.inferenceScore()).sum();
        long computeScore = v.providesCompute() && totalInference > 0
                ? (long) ((v.inferenceScore() / totalInference) * 2000.0)
                : 0;
        long uptimeScore = (long) (UPTIME_BPS / 10000.0 * 1500.0);
        long accuracyScore = (long) (ACCURACY_BPS / 10000.0 * 1500.0);
        double latencyScore = 1.0 / (1.0 + AVG_LATENCY_MS / 100.0);
        double bandwidthScore = Math.min(1.0, BANDWIDTH_MBPS / 1000.0);
        long networkScore = (long) ((latencyScore * 0.6 + bandwidthScore * 0.4) * 1000.0);
        long reputationScore = (long) (v.reputation() / 10000.0 * 500.0);
        return new ScoreBreakdown(stakeScore, computeScore, uptimeScore, accuracyScore, networkScore, 0, reputationScore);
    }
}
