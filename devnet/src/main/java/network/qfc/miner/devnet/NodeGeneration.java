package network.qfc.miner.devnet;

import java.util.Locale;
import network.qfc.miner.core.protocol.ProofLayout;

/**
 * The qfc-core node generation a devnet emulates (see "Node generations" in the protocol notes):
 *
 * <ul>
 *   <li>{@link #V2_0} ({@code v2.0}): proof layout A; validators only; epoch within +-1 of the node's consensus epoch.</li>
 *   <li>{@link #ROCM} ({@code rocm}): proof layout B; the late-B rules read in qfc-core (a miner registry held in
 *       memory, {@code publicKey} required, validators looked up as a fallback, "Unknown miner — ..."); epoch rule as
 *       A.</li>
 *   <li>{@link #LATEST} ({@code latest}): proof layout C (canonical format checked); registry as B; time rule = the
 *       proof's timestamp at most 120 s old and at most 10 s ahead, epoch not checked; {@code rewardEstimate} in the
 *       answer; {@code qfc_getRegisteredMiners}.</li>
 * </ul>
 */
public enum NodeGeneration {
    V2_0("v2.0", ProofLayout.A),
    ROCM("rocm", ProofLayout.B),
    LATEST("latest", ProofLayout.C);

    private final String cliName;
    private final ProofLayout layout;

    NodeGeneration(String cliName, ProofLayout layout) {
        this.cliName = cliName;
        this.layout = layout;
    }

    /** As the command line spells it: {@code v2.0}, {@code rocm}, {@code latest}. */
    public String cliName() {
        return cliName;
    }

    /** The only proof layout this generation decodes. */
    public ProofLayout layout() {
        return layout;
    }

    /** A and B check the proof's epoch against the consensus epoch; C checks its timestamp instead. */
    public boolean checksEpoch() {
        return this != LATEST;
    }

    /** B and C keep a registry of miners (in memory) and need {@code publicKey} at registration; A knows validators only. */
    public boolean hasMinerRegistry() {
        return this != V2_0;
    }

    /** C only: canonical format check, model-aware FLOPs, the newer approved models, rewardEstimate, qfc_getRegisteredMiners. */
    public boolean isLatest() {
        return this == LATEST;
    }

    /** What {@code qfc_nodeInfo} reports: A and B cannot be told apart ("0.1.0"); C reports 2.2.x. */
    public String nodeVersion() {
        return this == LATEST ? "2.2.0-devnet" : "0.1.0-devnet";
    }

    /** Parses {@code v2.0}, {@code rocm} or {@code latest} (also {@code A}, {@code B}, {@code C}), case-insensitively. */
    public static NodeGeneration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (NodeGeneration g : values()) {
            if (g.cliName.equals(t) || g.layout.name().equalsIgnoreCase(t)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown node generation '" + text
                + "' (expected v2.0, rocm or latest)");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
