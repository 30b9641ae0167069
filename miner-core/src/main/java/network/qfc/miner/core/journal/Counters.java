package network.qfc.miner.core.journal;

import java.util.OptionalDouble;

/**
 * How many tasks met which fate over a period. A task counts in the period of the time it was fetched.
 *
 * @param tasks       tasks fetched (every state)
 * @param accepted    proofs the node accepted
 * @param spotChecked answered proofs the node re-executed (accepted or not)
 * @param rejected    proofs the node answered with {@code accepted:false}
 * @param expired     tasks whose deadline passed before an answer
 * @param failed      tasks that failed (e.g. an inference error)
 */
public record Counters(long tasks, long accepted, long spotChecked, long rejected, long expired, long failed) {
    /** The counters of nothing. */
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0);

    /** accepted / (accepted + rejected); empty while the node has answered nothing. */
    public OptionalDouble passRate() {
        long answered = accepted + rejected;
        return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) accepted / answered);
    }

    /** Fetched tasks not settled yet (still being inferred, signed or submitted). */
    public long inFlight() {
        return tasks - accepted - rejected - expired - failed;
    }

    Counters plus(Counters o) {
        return new Counters(tasks + o.tasks, accepted + o.accepted, spotChecked + o.spotChecked, rejected + o.rejected,
                expired + o.expired, failed + o.failed);
    }
}
