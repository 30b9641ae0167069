package network.qfc.miner.app.models;

import java.util.Optional;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.probe.TierAssessment;

/** Whether this machine may run a model, in the probe's words: its tier and memory against the model's needs. */
public final class MachineFit {
    private MachineFit() {
    }

    /** Why this machine may not run {@code ref}, or empty when it may (or the probe does not know the model). */
    public static Optional<String> whyNot(TierAssessment assessment, ModelRef ref) {
        return assessment.models().stream()
                .filter(e -> e.model().name().equals(ref.name()) && e.model().version().equals(ref.version()))
                .findFirst()
                .filter(e -> !e.mayRun())
                .map(e -> e.reason().orElse("this machine cannot run it"));
    }
}
