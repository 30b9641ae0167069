package network.qfc.miner.core.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to send a signed proof again. A transient failure (timeout, 5xx, dropped connection, -32603) is retried with
 * the SAME bytes, waiting 0.5 s, 1 s, 2 s ... up to {@code maxDelay}, as long as the task's deadline has not passed
 * by the time of the next attempt; then the proof is dropped as expired. A definite answer from the node (a result,
 * or a JSON-RPC refusal such as -32602/-32000) is final: never sent again.
 */
public final class SubmitRetryPolicy {
    private final Duration firstDelay;
    private final Duration maxDelay;

    public SubmitRetryPolicy(Duration firstDelay, Duration maxDelay) {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public SubmitRetryPolicy() {
        this(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    /** What to do next. */
    public sealed interface Step {
        /** Send now (or again after the wait already taken). */
        record Send() implements Step {
        }

        /** Wait {@code delay}, then send the same bytes again. */
        record RetryAfter(Duration delay) implements Step {
        }

        /** The deadline passed (or will before the next attempt): journal it EXPIRED, do not send. */
        record Expired(String reason) implements Step {
        }
    }

    /** Before the first attempt (and on restart): send unless the deadline has passed. */
    public Step beforeFirst(Instant now, Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        return now.isBefore(deadline) ? new Step.Send()
                : new Step.Expired("deadline " + deadline + " passed before the proof could be sent");
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} (>= 1) transient failures. */
    public Duration delayAfter(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 20);
        long ms = firstDelay.toMillis() << shift;
        return ms > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(ms);
    }

    /** After {@code attempt} (>= 1) transient failures at {@code now}: retry, or give up if the deadline will pass. */
    public Step afterTransientFailure(Instant now, Instant deadline, int attempt) {
        Duration d = delayAfter(attempt);
        if (!now.plus(d).isBefore(deadline)) {
            return new Step.Expired("deadline " + deadline + " passed after " + attempt + " failed attempt"
                    + (attempt == 1 ? "" : "s"));
        }
        return new Step.RetryAfter(d);
    }
}
