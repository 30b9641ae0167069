package network.qfc.miner.core.journal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * One bar of a history chart: [{@code startMs}, {@code endMs}).
 *
 * @param accepted           proofs accepted for tasks fetched in the bucket
 * @param rejected           proofs rejected for tasks fetched in the bucket
 * @param lastInferenceScore the last inference score recorded in the bucket, or {@code null} when none was
 */
public record TimeBucket(long startMs, long endMs, long accepted, long rejected, BigInteger lastInferenceScore) {
    /** The last inference score of the bucket, if a standing was recorded in it. */
    public Optional<BigInteger> inferenceScore() {
        return Optional.ofNullable(lastInferenceScore);
    }
}
