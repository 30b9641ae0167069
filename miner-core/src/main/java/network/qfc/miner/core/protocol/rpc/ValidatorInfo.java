package network.qfc.miner.core.protocol.rpc;

import java.math.BigInteger;
import network.qfc.miner.core.protocol.Address;

/**
 * One entry of {@code qfc_getValidators}. Stake in wei. A jailed validator shows only as {@code isActive=false}.
 * {@code computeMode} is {@code pow}, {@code inference} or {@code none}. Fields older releases lack read as 0/"none".
 */
public record ValidatorInfo(Address address, BigInteger stake, BigInteger contributionScore, BigInteger uptime,
                            boolean isActive, boolean providesCompute, BigInteger hashrate, BigInteger inferenceScore,
                            String computeMode, BigInteger tasksCompleted) {
    static ValidatorInfo from(ResultObject o) {
        return new ValidatorInfo(o.address("address"), o.quantity("stake"), o.quantity("contributionScore"),
                o.quantity("uptime", BigInteger.ZERO), o.bool("isActive"),
                o.has("providesCompute") && o.bool("providesCompute"), o.quantity("hashrate", BigInteger.ZERO),
                o.quantity("inferenceScore", BigInteger.ZERO), o.text("computeMode", "none"),
                o.quantity("tasksCompleted", BigInteger.ZERO));
    }
}
