package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot.Standing;
import org.junit.jupiter.api.Test;

class StandingTrackerTest {
    private static final BigInteger STAKE = new BigInteger("10000000000000000000000"); // 10 000 QFC
    private final Instant t0 = Instant.parse("2026-03-01T12:00:00Z");

    private StandingReading reading(Instant at, boolean listed, boolean active, BigInteger stake, long tasks) {
        return new StandingReading(at, listed, active, stake, STAKE, 5000, 9000, tasks * 1_000_000_000L, tasks, null,
                null, null);
    }

    @Test
    void firstReadingOfAnActiveValidatorIsKnownActiveAndNotJailed() {
        StandingTracker t = new StandingTracker();
        StandingTracker.Update u = t.onReading(reading(t0, true, true, STAKE, 3));
        Standing s = u.standing();
        assertThat(s.known()).isTrue();
        assertThat(s.registered()).isTrue();
        assertThat(s.active()).isTrue();
        assertThat(s.jailed()).isFalse();
        assertThat(s.stake()).isEqualTo(STAKE);
        assertThat(s.stakeChange()).isZero();
        assertThat(s.tasksCompleted()).isEqualTo(3);
        assertThat(u.events()).hasSize(1).first().isInstanceOf(MinerEvent.StandingChanged.class);
        assertThat(u.needsRegistration()).isFalse();
        assertThat(t.onReading(reading(t0.plusSeconds(15), true, true, STAKE, 3)).events())
                .as("nothing changed: no event").isEmpty();
    }

    @Test
    void aFailedSpotCheckJailsAtOnceThenThePollSeesTheSlashAfterThatProof() {
        StandingTracker t = new StandingTracker();
        t.onReading(reading(t0, true, true, STAKE, 10));
        t.onProofAnswered("aa".repeat(32), true, false, "ok", t0.plusSeconds(1));
        Instant failAt = t0.plusSeconds(5);
        StandingTracker.Update u = t.onProofAnswered("bb".repeat(32), false, true,
                "Proof rejected: spot-check failed (output hash mismatch)", failAt);
        assertThat(t.jailed()).isTrue();
        assertThat(u.events()).first().isInstanceOfSatisfying(MinerEvent.Jailed.class, j -> {
            assertThat(j.endsAt()).isEqualTo(failAt.plus(Duration.ofHours(6)));
            assertThat(j.cause()).contains("spot-check failed");
        });

        BigInteger slashed = STAKE.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100));
        StandingTracker.Update polled = t.onReading(reading(t0.plusSeconds(15), true, false, slashed, 10));
        MinerEvent.Slashed slash = polled.events().stream().filter(MinerEvent.Slashed.class::isInstance)
                .map(MinerEvent.Slashed.class::cast).findFirst().orElseThrow();
        assertThat(slash.amount()).isEqualTo(STAKE.subtract(slashed));
        assertThat(slash.afterTaskId()).isEqualTo("bb".repeat(32));
        assertThat(slash.cause()).contains("spot-check failed");
        Standing s = polled.standing();
        assertThat(s.jailed()).isTrue();
        assertThat(s.jailEndsAt()).isEqualTo(failAt.plus(Duration.ofHours(6)));
        assertThat(s.stakeChange()).isEqualTo(slashed.subtract(STAKE));
        assertThat(s.lastSlash().amount()).isEqualTo(STAKE.subtract(slashed));
        assertThat(polled.events()).noneMatch(MinerEvent.Jailed.class::isInstance);
        assertThat(s.jailRemaining(t0.plusSeconds(15))).isEqualTo(Duration.ofHours(6).minusSeconds(10));
    }

    @Test
    void theLoopIsPausedWhileJailedWithACountdownAndResumesWhenTheNodeShowsItActive() {
        StandingTracker t = new StandingTracker(Duration.ofHours(6));
        Instant failAt = t0;
        t.onReading(reading(t0.minusSeconds(15), true, true, STAKE, 1));
        t.onProofAnswered("cc".repeat(32), false, true, "spot-check failed", failAt);
        Clock clock = Clock.fixed(failAt.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        GateDecision d = t.gate(clock).decide();
        assertThat(d).isInstanceOfSatisfying(GateDecision.Pause.class,
                p -> assertThat(p.reason()).contains("jailed").contains("5h 59m left"));

        StandingTracker.Update freed = t.onReading(reading(t0.plusSeconds(30), true, true, STAKE, 1));
        assertThat(freed.events()).anyMatch(MinerEvent.Unjailed.class::isInstance);
        assertThat(freed.standing().jailed()).isFalse();
        assertThat(freed.standing().jailEndsAt()).isNull();
        assertThat(t.gate(clock).decide()).isInstanceOf(GateDecision.Run.class);
    }

    @Test
    void jailSeenOnlyByPollWithoutAFailureHasNoKnownEnd() {
        StandingTracker t = new StandingTracker();
        t.onReading(reading(t0, true, true, STAKE, 1));
        StandingTracker.Update u = t.onReading(reading(t0.plusSeconds(15), true, false, STAKE, 1));
        assertThat(u.standing().jailed()).isTrue();
        assertThat(u.standing().jailEndsAt()).isNull();
        assertThat(u.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(MinerEvent.Jailed.class,
                j -> assertThat(j.endsAt()).isNull()));
        assertThat(t.gate(Clock.systemUTC()).decide()).isInstanceOfSatisfying(GateDecision.Pause.class,
                p -> assertThat(p.reason()).contains("waiting until it shows this validator active"));
    }

    @Test
    void aStakeDropWithoutAFailureIsStillASlashNamingTheLastProof() {
        StandingTracker t = new StandingTracker();
        t.onReading(reading(t0, true, true, STAKE, 1));
        t.onProofAnswered("dd".repeat(32), true, false, "ok", t0.plusSeconds(2));
        StandingTracker.Update u = t.onReading(reading(t0.plusSeconds(15), true, true, STAKE.subtract(BigInteger.TEN), 2));
        assertThat(u.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(MinerEvent.Slashed.class, s -> {
            assertThat(s.amount()).isEqualTo(BigInteger.TEN);
            assertThat(s.afterTaskId()).isEqualTo("dd".repeat(32));
            assertThat(s.cause()).contains("no failed spot check");
        }));
        assertThat(u.standing().jailed()).isFalse();
    }

    @Test
    void aNodeThatForgotTheValidatorAsksForRegistration() {
        StandingTracker t = new StandingTracker();
        t.onReading(reading(t0, true, true, STAKE, 1));
        StandingTracker.Update u = t.onReading(reading(t0.plusSeconds(15), false, false, null, -1));
        assertThat(u.needsRegistration()).isTrue();
        assertThat(u.standing().registered()).isFalse();
        assertThat(u.standing().jailed()).as("unknown is not jailed").isFalse();
    }

    @Test
    void countdownsReadLikeAClock() {
        assertThat(StandingTracker.formatCountdown(Duration.ofHours(6))).isEqualTo("6h 00m");
        assertThat(StandingTracker.formatCountdown(Duration.ofSeconds(723))).isEqualTo("12m 03s");
        assertThat(StandingTracker.formatCountdown(Duration.ofSeconds(9))).isEqualTo("9s");
        assertThat(StandingTracker.formatCountdown(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void aReadingAskedBeforeTheFailedSpotCheckDoesNotLiftTheJailItCausedButALaterOneDoes() {
        StandingTracker t = new StandingTracker(java.time.Duration.ofHours(6));
        t.onReading(reading(t0, true, true, STAKE, 3));
        t.onProofAnswered("aa".repeat(32), false, true, "Proof rejected: spot-check failed (output hash mismatch)",
                t0.plusSeconds(10));
        assertThat(t.jailed()).isTrue();
        // asked at t0+9 s (before the failure), arriving after it: the node had not jailed us yet when it answered
        StandingTracker.Update stale = t.onReading(reading(t0.plusSeconds(9), true, true, STAKE, 3));
        assertThat(t.jailed()).as("a stale 'active' keeps the jail").isTrue();
        assertThat(stale.events()).noneMatch(MinerEvent.Unjailed.class::isInstance);
        assertThat(stale.standing().jailEndsAt()).isEqualTo(t0.plusSeconds(10).plus(java.time.Duration.ofHours(6)));
        // asked after the failure and the node says active: the jail is over
        StandingTracker.Update later = t.onReading(reading(t0.plusSeconds(30), true, true, STAKE, 3));
        assertThat(t.jailed()).isFalse();
        assertThat(later.events()).anyMatch(MinerEvent.Unjailed.class::isInstance);
    }
}
