package network.qfc.miner.app.desktop.dashboard;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;

/**
 * Earnings over a day, a week or a month: what this computer's journal counted and what the node reports.
 *
 * @param period    day, week or month
 * @param accepted  proofs the node accepted in the period, per the journal
 * @param earned    what the node says was earned in the period (wei); null where the node does not report earnings
 * @param locked    vesting still locked (wei); null where the node does not report vesting
 * @param available vesting that can be withdrawn (wei); null where the node does not report vesting
 * @param estimate  the node only estimates (it pays no reward itself, or reports no vesting behind the figure)
 * @param days      one row per UTC day of the period, newest first
 * @param problem   why the node's figures are missing (unreachable, not supported), or null
 */
record EarningsReport(EarningsPeriod period, long accepted, BigInteger earned, BigInteger locked, BigInteger available,
        boolean estimate, List<Day> days, String problem) {

    /** One UTC day: accepted proofs (journal) and what the node's records credit to it (null: not reported). */
    record Day(LocalDate date, long accepted, BigInteger earned) {
    }

    EarningsReport {
        days = List.copyOf(days);
    }
}
