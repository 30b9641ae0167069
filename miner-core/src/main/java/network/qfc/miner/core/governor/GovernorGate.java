package network.qfc.miner.core.governor;

import java.time.Duration;
import java.util.Optional;
import network.qfc.miner.core.mining.GateDecision;
import network.qfc.miner.core.mining.MiningGate;

/**
 * The governor as the mining loop's gate: a pause stops fetching with the governor's reason, a throttle waits the
 * duty-cycle pause between tasks, and a miner with no decision yet runs. The loop's measured busy time per task goes
 * to {@link GovernorService#recordTaskBusy}, so the duty cycle follows what tasks really cost.
 */
public final class GovernorGate implements MiningGate {
    private final GovernorService governor;

    public GovernorGate(GovernorService governor) {
        this.governor = governor;
    }

    @Override
    public GateDecision decide() {
        return toGate(governor.current());
    }

    @Override
    public void taskDone(Duration busy) {
        governor.recordTaskBusy(busy);
    }

    static GateDecision toGate(Optional<GovernorDecision> decision) {
        if (decision.isEmpty()) {
            return GateDecision.RUN;
        }
        GovernorDecision d = decision.get();
        if (d.paused()) {
            return new GateDecision.Pause(d.summary());
        }
        if (d.throttled()) {
            Duration pause = d.pauseBetweenTasks() == null ? Duration.ZERO : d.pauseBetweenTasks();
            return new GateDecision.Throttle(pause, d.summary());
        }
        return GateDecision.RUN;
    }
}
