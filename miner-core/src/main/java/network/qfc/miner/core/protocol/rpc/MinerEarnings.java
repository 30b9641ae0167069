package network.qfc.miner.core.protocol.rpc;

import java.math.BigInteger;
import java.util.List;
import network.qfc.miner.core.protocol.Address;

/** {@code qfc_getMinerEarnings} (node v2.2): totals in wei for a period and one record per rewarded block. */
public record MinerEarnings(Address address, BigInteger totalEarnings, BigInteger totalFlops, BigInteger totalTasks,
                            BigInteger balance, List<Record> records) {
    public MinerEarnings {
        records = List.copyOf(records);
    }

    /** One rewarded block: reward in wei, FLOPs, tasks, task type, timestamp. */
    public record Record(long blockHeight, BigInteger reward, BigInteger flops, long taskCount, String taskType,
                         long timestamp) {
        static Record from(ResultObject o) {
            return new Record(o.number("blockHeight"), o.quantity("reward"), o.quantity("flops"),
                    o.number("taskCount"), o.text("taskType", ""), o.number("timestamp"));
        }
    }

    static MinerEarnings from(ResultObject o) {
        return new MinerEarnings(o.address("address"), o.quantity("totalEarnings"), o.quantity("totalFlops"),
                o.quantity("totalTasks"), o.quantity("balance"),
                o.has("records") ? o.list("records", Record::from) : List.of());
    }
}
