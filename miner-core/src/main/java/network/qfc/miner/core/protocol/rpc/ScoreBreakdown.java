package network.qfc.miner.core.protocol.rpc;

import java.math.BigInteger;
import network.qfc.miner.core.protocol.Address;

/**
 * {@code qfc_getValidatorScoreBreakdown}: total score 0..10000 and its parts (stake 30%, compute 20%, uptime 15%,
 * accuracy 15%, network 10%, storage 5%, reputation 5%). Its {@code stake} is consensus stake, which a slash lowers.
 */
public record ScoreBreakdown(Address address, BigInteger totalScore, BigInteger stake, BigInteger stakeScore,
                             BigInteger computeScore, BigInteger uptimeScore, BigInteger accuracyScore,
                             BigInteger networkScore, BigInteger storageScore, BigInteger reputationScore,
                             ValidatorMetrics metrics) {
    static ScoreBreakdown from(ResultObject o) {
        return new ScoreBreakdown(o.address("address"), o.quantity("totalScore"), o.quantity("stake"),
                o.quantity("stakeScore"), o.quantity("computeScore"), o.quantity("uptimeScore"),
                o.quantity("accuracyScore"), o.quantity("networkScore"), o.quantity("storageScore"),
                o.quantity("reputationScore"), ValidatorMetrics.from(o.object("metrics")));
    }
}
