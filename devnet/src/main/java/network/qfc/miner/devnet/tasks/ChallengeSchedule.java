package network.qfc.miner.devnet.tasks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Blake3;

/**
 * When a task is a known-answer challenge, at the node's rates ({@code ChallengeGenerator::should_inject_challenge}):
 * 10 % for miners with under 100 tasks completed, 8 % under reputation 8000, else 5 %. A fixed rate replaces the
 * adaptive one when configured.
 *
 * <p>The draw: the node hashes BLAKE3(address || tasks completed LE u64) and injects when the first 4 bytes (LE u32)
 * fall under {@code rate * u32::MAX}. Keyed on the tasks completed, every fetch between two scored proofs gets the
 * same answer, and a passed challenge is not scored: a miner that draws a challenge draws challenges from then on
 * (the v2.0 node never injects, so it never shows). The devnet keeps the hash and the threshold but keys the draw on
 * the miner's own fetch count ({@code draw}: 0 for its first task, 1 for the next, …), so each fetch is a fresh,
 * deterministic draw and the share of challenges is the rule's rate; the rate still follows the tasks completed and
 * the reputation.
 */
public final class ChallengeSchedule {
    private final OptionalDouble fixedRate;

    public ChallengeSchedule(OptionalDouble fixedRate) {
        this.fixedRate = fixedRate;
    }

    /** The rate for a miner with this record. */
    public double rate(long tasksCompleted, int reputation) {
        if (fixedRate.isPresent()) {
            return fixedRate.getAsDouble();
        }
        if (tasksCompleted < 100) {
            return 0.10;
        }
        return reputation < 8000 ? 0.08 : 0.05;
    }

    /** Whether the {@code draw}-th task fetched by {@code miner} is a challenge, for a miner with this record. */
    public boolean shouldInject(Address miner, long draw, long tasksCompleted, int reputation) {
        double rate = rate(tasksCompleted, reputation);
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        ByteBuffer data = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        data.put(miner.bytes()).putLong(draw);
        byte[] hash = Blake3.hash(data.array());
        long val = ByteBuffer.wrap(hash, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        long threshold = (long) (rate * 0xffffffffL);
        return val < threshold;
    }
}
