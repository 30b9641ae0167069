package network.qfc.miner.devnet.rewards;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import network.qfc.miner.core.protocol.Address;

/**
 * What miners earned on the devnet, for the v2.2 methods {@code qfc_getMinerEarnings} and {@code qfc_getMinerVesting}.
 * The devnet's own tariff: 0.01 QFC per 1e9 FLOPs of an accepted proof ({@link #WEI_PER_FLOP}), credited per epoch
 * (the devnet's "block height"). Each epoch's credit is one vesting tranche: a 7-day cliff, then 23 days linear.
 */
public final class RewardBook {
    /** 1e7 wei per FLOP: an embedding proof (1e9 FLOPs) earns 1e16 wei = 0.01 QFC. */
    public static final BigInteger WEI_PER_FLOP = BigInteger.valueOf(10_000_000L);
    public static final long CLIFF_MS = 7L * 24 * 3600 * 1000;
    public static final long LINEAR_MS = 23L * 24 * 3600 * 1000;
    /** The most records or tranches one answer carries (the newest): a devnet answer stays small. */
    public static final int MAX_ROWS = 1000;

    /** One epoch's earnings of one miner. */
    public record Entry(long blockHeight, BigInteger rewardWei, long flops, long taskCount, String taskType,
            long timestampMs) {
    }

    /** A {@code qfc_getMinerEarnings} answer. */
    public record Earnings(Address miner, BigInteger totalWei, long totalFlops, long totalTasks, BigInteger balanceWei,
            List<Entry> records) {
    }

    /** One vesting tranche. */
    public record Tranche(long blockHeight, BigInteger amountWei, BigInteger vestedWei, long cliffEndMs, long endTimeMs,
            double percentVested) {
    }

    /** A {@code qfc_getMinerVesting} answer. */
    public record Vesting(Address miner, BigInteger totalEarnedWei, BigInteger lockedWei, BigInteger availableWei,
            int activeTranches, List<Tranche> tranches) {
    }

    private final Map<Address, List<MutableEntry>> byMiner = new HashMap<>();

    /** Credits an accepted proof. */
    public synchronized void credit(Address miner, long epoch, long flops, String taskType, long nowMs) {
        List<MutableEntry> entries = byMiner.computeIfAbsent(miner, a -> new ArrayList<>());
        MutableEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last == null || last.epoch != epoch) {
            last = new MutableEntry(epoch, taskType, nowMs);
            entries.add(last);
        }
        last.flops += flops;
        last.tasks += 1;
        last.reward = last.reward.add(WEI_PER_FLOP.multiply(BigInteger.valueOf(flops)));
    }

    /** Earnings over a period: {@code day}, {@code week}, {@code month} (30 days) or {@code all}. */
    public synchronized Earnings earnings(Address miner, String period, long nowMs) {
        long window = switch (period.toLowerCase(Locale.ROOT)) {
            case "day" -> 24L * 3600 * 1000;
            case "week" -> 7L * 24 * 3600 * 1000;
            case "month" -> 30L * 24 * 3600 * 1000;
            case "all" -> Long.MAX_VALUE;
            default -> throw new IllegalArgumentException("Invalid period: " + period + " (expected day, week, month or all)");
        };
        BigInteger total = BigInteger.ZERO;
        long flops = 0;
        long tasks = 0;
        List<Entry> rows = new ArrayList<>();
        for (MutableEntry e : byMiner.getOrDefault(miner, List.of())) {
            if (window != Long.MAX_VALUE && e.timestampMs < nowMs - window) {
                continue;
            }
            total = total.add(e.reward);
            flops += e.flops;
            tasks += e.tasks;
            rows.add(e.freeze());
        }
        List<Entry> newest = rows.subList(Math.max(0, rows.size() - MAX_ROWS), rows.size());
        return new Earnings(miner, total, flops, tasks, vestingLocked(miner, nowMs).availableWei(), List.copyOf(newest));
    }

    /** The vesting schedule of everything a miner earned. */
    public synchronized Vesting vesting(Address miner, long nowMs) {
        return vestingLocked(miner, nowMs);
    }

    private Vesting vestingLocked(Address miner, long nowMs) {
        BigInteger total = BigInteger.ZERO;
        BigInteger vested = BigInteger.ZERO;
        int active = 0;
        List<Tranche> tranches = new ArrayList<>();
        for (MutableEntry e : byMiner.getOrDefault(miner, List.of())) {
            long cliffEnd = e.timestampMs + CLIFF_MS;
            long end = cliffEnd + LINEAR_MS;
            double fraction = nowMs < cliffEnd ? 0.0 : Math.min(1.0, (double) (nowMs - cliffEnd) / LINEAR_MS);
            BigInteger v = fraction >= 1.0 ? e.reward
                    : e.reward.multiply(BigInteger.valueOf((long) (fraction * 1_000_000))).divide(BigInteger.valueOf(1_000_000));
            total = total.add(e.reward);
            vested = vested.add(v);
            if (fraction < 1.0) {
                active++;
            }
            tranches.add(new Tranche(e.epoch, e.reward, v, cliffEnd, end, fraction * 100.0));
        }
        List<Tranche> newest = tranches.subList(Math.max(0, tranches.size() - MAX_ROWS), tranches.size());
        return new Vesting(miner, total, total.subtract(vested), vested, active, List.copyOf(newest));
    }

    private static final class MutableEntry {
        final long epoch;
        final String taskType;
        final long timestampMs;
        long flops;
        long tasks;
        BigInteger reward = BigInteger.ZERO;

        MutableEntry(long epoch, String taskType, long timestampMs) {
            this.epoch = epoch;
            this.taskType = taskType;
            this.timestampMs = timestampMs;
        }

        Entry freeze() {
            return new Entry(epoch, reward, flops, tasks, taskType, timestampMs);
        }
    }
}
