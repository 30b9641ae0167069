package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubmitRetryPolicyTest {
    private final SubmitRetryPolicy policy = new SubmitRetryPolicy();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aProofWithTimeLeftIsSentAndAnExpiredOneIsNot() {
        assertThat(policy.beforeFirst(t0, t0.plusSeconds(30))).isInstanceOf(SubmitRetryPolicy.Step.Send.class);
        assertThat(policy.beforeFirst(t0, t0)).isInstanceOf(SubmitRetryPolicy.Step.Expired.class);
        assertThat(policy.beforeFirst(t0, t0.minusSeconds(1))).isInstanceOf(SubmitRetryPolicy.Step.Expired.class);
    }

    @Test
    void transientFailuresAreRetriedWithGrowingWaitsUpToFiveSeconds() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retriesStopWhenTheNextAttemptWouldMissTheDeadline() {
        Instant deadline = t0.plusSeconds(10);
        Instant now = t0;
        int attempt = 0;
        int retries = 0;
        while (true) {
            attempt++;
            SubmitRetryPolicy.Step step = policy.afterTransientFailure(now, deadline, attempt);
            if (step instanceof SubmitRetryPolicy.Step.RetryAfter r) {
                now = now.plus(r.delay());
                assertThat(now).isBefore(deadline);
                retries++;
            } else {
                assertThat(step).isInstanceOf(SubmitRetryPolicy.Step.Expired.class);
                assertThat(((SubmitRetryPolicy.Step.Expired) step).reason()).contains("deadline");
                break;
            }
        }
        // 0.5 + 1 + 2 + 4 = 7.5 s; the next 5 s wait would end after the deadline
        assertThat(retries).isEqualTo(4);
        assertThat(now).isEqualTo(t0.plusMillis(7500));
    }
}
