package network.qfc.miner.core.protocol.rpc;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The raw metrics inside {@code qfc_getValidatorScoreBreakdown}; percentages 0..100 (the node writes "99.50"). */
public record ValidatorMetrics(BigDecimal uptimePercent, BigDecimal accuracyPercent, BigDecimal reputationPercent,
                               long avgLatencyMs, long bandwidthMbps, long storageGb, boolean providesCompute,
                               BigInteger hashrate, BigInteger blocksProduced, BigInteger validVotes,
                               BigInteger invalidVotes) {
    static ValidatorMetrics from(ResultObject o) {
        return new ValidatorMetrics(o.decimal("uptimePercent"), o.decimal("accuracyPercent"),
                o.decimal("reputationPercent"), o.number("avgLatencyMs"), o.number("bandwidthMbps"),
                o.number("storageGb"), o.bool("providesCompute"), o.quantity("hashrate"),
                o.quantity("blocksProduced"), o.quantity("validVotes"), o.quantity("invalidVotes"));
    }
}
