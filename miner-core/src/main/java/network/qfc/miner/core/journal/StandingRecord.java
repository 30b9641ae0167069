package network.qfc.miner.core.journal;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The miner's standing on the node at one moment, as the standing poller read it.
 *
 * @param atMs              when it was read, milliseconds since the Unix epoch
 * @param inferenceScore    the node's inference score (a decimal string on the wire; may exceed a long)
 * @param stake             the stake in the chain's smallest unit (stored as a decimal string)
 * @param contributionScore the contribution score
 * @param tasksCompleted    tasks the node counts as completed
 * @param active            whether the node lists the validator as active
 * @param jailed            whether the miner knows it is jailed
 */
public record StandingRecord(long atMs, BigInteger inferenceScore, BigInteger stake, long contributionScore,
                             long tasksCompleted, boolean active, boolean jailed) {
    public StandingRecord {
        Objects.requireNonNull(inferenceScore, "inferenceScore");
        Objects.requireNonNull(stake, "stake");
    }
}
