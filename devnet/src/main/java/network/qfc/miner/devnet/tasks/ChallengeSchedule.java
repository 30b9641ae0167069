package network.qfc.miner.devnet.tasks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Blake3;

/**
 * When a task is a known-answer challenge, by the node's rule ({@code ChallengeGenerator::should_inject_challenge}):
 * 10 % for miners with under 100 tasks, 8 % under reputation 8000, else 5 %, decided deterministically from
 * BLAKE3(address || tasks completed LE u64). A fixed rate replaces the adaptive one when configured.
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

    public boolean shouldInject(Address miner, long tasksCompleted, int reputation) {
        double rate = rate(tasksCompleted, reputation);
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        ByteBuffer data = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        data.put(miner.bytes()).putLong(tasksCompleted);
        byte[] hash = Blake3.hash(data.array());
        long val = ByteBuffer.wrap(hash, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        long threshold = (long) (rate * 0xffffffffL);
        return val < threshold;
    }
}
