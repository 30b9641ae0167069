package network.qfc.miner.core.mining;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What one poll of the node said about this validator, before interpretation. Unknown numbers are -1 (scores) or
 * null (amounts); {@code listed=false} means the node does not know the validator (never registered, or forgot it).
 *
 * @param at              when it was read
 * @param listed          the validator appears in {@code qfc_getValidators}
 * @param active          its {@code isActive}
 * @param consensusStake  the stake of the score breakdown (where a v2.0 slash shows), wei; null when unknown
 * @param chainStake      {@code qfc_getStake} (may not move on a slash), wei; null when unknown
 * @param totalScore      the score breakdown's total 0..10000, -1 when unknown
 * @param reputationScore the breakdown's reputation component, -1 when unknown
 * @param inferenceScore  the validator's inference score, -1 when unknown
 * @param tasksCompleted  the validator's tasks completed, -1 when unknown
 * @param earnings        today's earnings (wei), null where unsupported
 * @param locked          vesting still locked (wei), null where unsupported
 * @param available       vested and available (wei), null where unsupported
 */
public record StandingReading(Instant at, boolean listed, boolean active, BigInteger consensusStake,
                              BigInteger chainStake, long totalScore, long reputationScore, long inferenceScore,
                              long tasksCompleted, BigInteger earnings, BigInteger locked, BigInteger available) {

    /** The stake to watch for slashes: the consensus stake when the node reports it, else the chain stake. */
    public BigInteger stake() {
        return consensusStake != null ? consensusStake : chainStake;
    }
}
