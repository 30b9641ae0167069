package network.qfc.miner.core.protocol.rpc;

import java.math.BigDecimal;
import java.math.BigInteger;

/** {@code qfc_getInferenceStats}: network-wide tasks, average time, total FLOPs and pass rate (percent). */
public record InferenceStats(BigInteger tasksCompleted, BigDecimal avgTimeMs, BigInteger flopsTotal,
                             BigDecimal passRate) {
    static InferenceStats from(ResultObject o) {
        return new InferenceStats(o.quantity("tasksCompleted"), o.decimal("avgTimeMs"), o.quantity("flopsTotal"),
                o.decimal("passRate"));
    }
}
