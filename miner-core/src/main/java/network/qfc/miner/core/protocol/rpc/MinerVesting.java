package network.qfc.miner.core.protocol.rpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import network.qfc.miner.core.protocol.Address;

/** {@code qfc_getMinerVesting} (node v2.2): rewards vest after a 7-day cliff, then linearly over 23 days. Wei. */
public record MinerVesting(Address miner, BigInteger totalEarned, BigInteger locked, BigInteger available,
                           long activeTranches, List<Tranche> tranches) {
    public MinerVesting {
        tranches = List.copyOf(tranches);
    }

    /** One vesting tranche; times as the node gives them. */
    public record Tranche(long blockHeight, BigInteger amount, BigInteger vested, long cliffEnd, long endTime,
                          BigDecimal percentVested) {
        static Tranche from(ResultObject o) {
            return new Tranche(o.number("blockHeight"), o.quantity("amount"), o.quantity("vested"),
                    o.number("cliffEnd"), o.number("endTime"), o.decimal("percentVested"));
        }
    }

    static MinerVesting from(ResultObject o) {
        return new MinerVesting(o.address("miner"), o.quantity("totalEarned"), o.quantity("locked"),
                o.quantity("available"), o.number("activeTranches", 0),
                o.has("tranches") ? o.list("tranches", Tranche::from) : List.of());
    }
}
