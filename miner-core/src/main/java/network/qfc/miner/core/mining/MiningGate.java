package network.qfc.miner.core.mining;

/**
 * Consulted by the task loop before every fetch: whether to run, throttle or pause. The resource governor (battery,
 * heat, idle, CPU cap) implements it; so does the jail watch. Must be fast and thread-safe; never blocks.
 */
@FunctionalInterface
public interface MiningGate {

    /** Always run: the gate of a miner with no governor. */
    MiningGate OPEN = () -> GateDecision.RUN;

    GateDecision decide();

    /** Both gates: a pause wins over a throttle, a throttle over run, the longer delay over the shorter. */
    default MiningGate and(MiningGate other) {
        return () -> {
            GateDecision a = decide();
            if (a instanceof GateDecision.Pause) {
                return a;
            }
            GateDecision b = other.decide();
            if (b instanceof GateDecision.Pause || a instanceof GateDecision.Run) {
                return b;
            }
            if (b instanceof GateDecision.Throttle tb && tb.delay().compareTo(((GateDecision.Throttle) a).delay()) > 0) {
                return b;
            }
            return a;
        };
    }
}
