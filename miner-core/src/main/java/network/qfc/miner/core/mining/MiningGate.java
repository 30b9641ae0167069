package network.qfc.miner.core.mining;

import java.time.Duration;

/**
 * Consulted by the task loop before every fetch: whether to run, throttle or pause. The resource governor (battery,
 * heat, idle, CPU cap) implements it; so does the jail watch. Must be fast and thread-safe; never blocks.
 */
@FunctionalInterface
public interface MiningGate {

    /** Always run: the gate of a miner with no governor. */
    MiningGate OPEN = () -> GateDecision.RUN;

    GateDecision decide();

    /**
     * The loop ran one task: it kept the miner busy (tokenizing, inference, signing; not the network) for
     * {@code busy}. The governor's duty cycle is computed from these measurements; other gates ignore them. Called on
     * the loop thread; must be fast and never throw.
     */
    default void taskDone(Duration busy) {
    }

    /**
     * Both gates: a pause wins over a throttle, a throttle over run, the longer delay over the shorter. Both hear
     * {@link #taskDone}.
     */
    default MiningGate and(MiningGate other) {
        MiningGate first = this;
        return new MiningGate() {
            @Override
            public GateDecision decide() {
                GateDecision a = first.decide();
                if (a instanceof GateDecision.Pause) {
                    return a;
                }
                GateDecision b = other.decide();
                if (b instanceof GateDecision.Pause || a instanceof GateDecision.Run) {
                    return b;
                }
                if (b instanceof GateDecision.Throttle tb
                        && tb.delay().compareTo(((GateDecision.Throttle) a).delay()) > 0) {
                    return b;
                }
                return a;
            }

            @Override
            public void taskDone(Duration busy) {
                first.taskDone(busy);
                other.taskDone(busy);
            }
        };
    }
}
