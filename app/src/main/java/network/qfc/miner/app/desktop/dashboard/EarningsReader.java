package network.qfc.miner.app.desktop.dashboard;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;
import network.qfc.miner.core.protocol.rpc.MinerEarnings;
import network.qfc.miner.core.protocol.rpc.MinerVesting;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;

/**
 * Reads an {@link EarningsReport}: accepted proofs per UTC day from the journal, and from the node
 * {@code qfc_getMinerEarnings [address, period]} (never "all") and {@code qfc_getMinerVesting} where it has them
 * (v2.2 nodes; -32601 on others means "not reported by this node", not a failure). Runs off the FX thread.
 */
final class EarningsReader {
    private static final long WEEK_DAYS = 7;
    private static final long MONTH_DAYS = 30;

    private EarningsReader() {
    }

    static EarningsReport read(EarningsPeriod period, ProofJournal journal, QfcRpcClient rpc, Address address,
            Instant now) {
        long dayCount = switch (period) {
            case DAY -> 1;
            case WEEK -> WEEK_DAYS;
            case MONTH -> MONTH_DAYS;
        };
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        BigInteger earned = null;
        BigInteger locked = null;
        BigInteger available = null;
        String problem = null;
        Map<LocalDate, BigInteger> earnedByDay = new HashMap<>();
        boolean estimate = false;
        try {
            MinerEarnings e = rpc.getMinerEarnings(address, period);
            earned = e.totalEarnings();
            for (MinerEarnings.Record r : e.records()) {
                earnedByDay.merge(LocalDate.ofInstant(instant(r.timestamp()), ZoneOffset.UTC), r.reward(), BigInteger::add);
            }
            try {
                MinerVesting v = rpc.getMinerVesting(address);
                locked = v.locked();
                available = v.available();
                // a node that pays no reward itself reports zeros behind a non-zero figure: that figure is an estimate
                estimate = earned.signum() > 0 && v.totalEarned().signum() == 0;
            } catch (RpcException ex) {
                estimate = true; // earnings without vesting behind them: what the node expects to pay, no more
                if (ex.kind() != RpcException.Kind.METHOD_NOT_SUPPORTED) {
                    problem = "vesting not read: " + ex.getMessage();
                }
            }
        } catch (RpcException ex) {
            problem = ex.kind() == RpcException.Kind.METHOD_NOT_SUPPORTED
                    ? "This node does not report earnings (it is older than v2.2): only the journal's figures are shown."
                    : "The node's earnings could not be read: " + ex.getMessage();
        }
        List<EarningsReport.Day> days = new ArrayList<>();
        long accepted = 0;
        for (long i = 0; i < dayCount; i++) {
            LocalDate d = today.minusDays(i);
            long a = journal.totalsForDay(d).counters().accepted();
            accepted += a;
            days.add(new EarningsReport.Day(d, a, earned == null ? null : earnedByDay.getOrDefault(d, BigInteger.ZERO)));
        }
        return new EarningsReport(period, accepted, earned, locked, available, estimate, days, problem);
    }

    /** The node's record time: milliseconds in some releases, seconds in others. */
    static Instant instant(long timestamp) {
        return timestamp > 100_000_000_000L ? Instant.ofEpochMilli(timestamp) : Instant.ofEpochSecond(timestamp);
    }
}
