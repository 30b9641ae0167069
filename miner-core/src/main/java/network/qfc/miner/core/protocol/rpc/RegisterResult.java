package network.qfc.miner.core.protocol.rpc;

/**
 * {@code qfc_registerMiner}'s answer. {@code assignedTier} is the node's raw number, which releases count
 * differently (v2.0: 1..3 for scores 0-2999/3000-6999/7000+; v2.2: 0 Cold, 1 Warm, 2 Hot): show {@code message}
 * (e.g. "Registered as T2") rather than interpreting the number alone.
 */
public record RegisterResult(boolean registered, int assignedTier, String message) {
    static RegisterResult from(ResultObject o) {
        long tier = o.number("assignedTier", 0);
        if (tier > 255) {
            throw new IllegalArgumentException("'assignedTier' is out of range: " + tier);
        }
        return new RegisterResult(o.bool("registered"), (int) tier, o.text("message", ""));
    }
}
