package network.qfc.miner.core.mining;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot.Slash;
import network.qfc.miner.core.events.MinerSnapshot.Standing;

/**
 * Turns what the node says (polls) and what the miner saw (proof answers) into the validator's {@link Standing} and
 * the events of its changes: active or jailed, a slash (a drop of the consensus stake: how much, when, after which
 * proof), and the jail's end, 6 h (settable) after the spot-check failure that caused it. Thread-safe.
 *
 * <p>A failed spot check jails at once (the node jails before it answers), so the loop stops fetching without
 * waiting for the next poll; the validator is free again when a poll shows it active.
 */
public final class StandingTracker {
    /** The node's jail: 6 hours from the failed spot check. */
    public static final Duration NODE_JAIL = Duration.ofHours(6);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Duration jailDuration;
    private Standing standing = Standing.UNKNOWN;
    private BigInteger lastStake;
    private String lastAnsweredTaskId;
    private Failure lastFailure;

    private record Failure(String taskId, Instant at, String message) {
    }

    /** What changed, to publish; {@code needsRegistration} when the node does not know the validator. */
    public record Update(Standing standing, List<MinerEvent> events, boolean needsRegistration) {
        public Update {
            events = List.copyOf(events);
        }
    }

    public StandingTracker(Duration jailDuration) {
        if (jailDuration.isNegative()) {
            throw new IllegalArgumentException("jail duration must not be negative");
        }
        this.jailDuration = jailDuration;
    }

    public StandingTracker() {
        this(NODE_JAIL);
    }

    /** The standing as last derived. */
    public synchronized Standing current() {
        return standing;
    }

    /** Whether the miner must not fetch tasks now. */
    public synchronized boolean jailed() {
        return standing.jailed();
    }

    /** The node answered a proof. A spot-check failure jails at once. */
    public synchronized Update onProofAnswered(String taskId, boolean accepted, boolean spotChecked, String message,
                                               Instant at) {
        Objects.requireNonNull(taskId, "taskId");
        lastAnsweredTaskId = taskId;
        List<MinerEvent> events = new ArrayList<>();
        if (spotChecked && !accepted) {
            lastFailure = new Failure(taskId, at, message == null ? "spot check failed" : message);
            if (!standing.jailed()) {
                Instant ends = at.plus(jailDuration);
                standing = copy(standing, true, false, true, ends, standing.stakeChange(), standing.lastSlash());
                events.add(new MinerEvent.Jailed(at, ends, lastFailure.message()));
                events.add(new MinerEvent.StandingChanged(at, standing));
            }
        }
        return new Update(standing, events, false);
    }

    /** A poll of the node. */
    public synchronized Update onReading(StandingReading r) {
        List<MinerEvent> events = new ArrayList<>();
        Standing before = standing;
        if (!r.listed()) {
            standing = new Standing(true, false, false, false, null, null, BigInteger.ZERO, r.totalScore(),
                    r.reputationScore(), r.inferenceScore(), r.tasksCompleted(), before.lastSlash(), r.earnings(),
                    r.locked(), r.available(), r.at());
            if (!sameApartFromTime(before, standing)) {
                events.add(new MinerEvent.StandingChanged(r.at(), standing));
            }
            return new Update(standing, events, true);
        }
        BigInteger stake = r.stake();
        BigInteger change = BigInteger.ZERO;
        Slash slash = before.lastSlash();
        if (stake != null && lastStake != null && stake.compareTo(lastStake) < 0) {
            change = stake.subtract(lastStake);
            BigInteger amount = change.negate();
            boolean failureCaused = lastFailure != null && !r.at().isBefore(lastFailure.at())
                    && (slash == null || lastFailure.at().isAfter(slash.at()));
            String afterTask = failureCaused ? lastFailure.taskId() : lastAnsweredTaskId;
            String cause = failureCaused ? lastFailure.message()
                    : "stake dropped with no failed spot check seen (a failed challenge task, or an earlier run)";
            slash = new Slash(amount, r.at(), afterTask, cause);
            events.add(new MinerEvent.Slashed(r.at(), amount, afterTask, cause));
        }
        if (stake != null) {
            lastStake = stake;
        }
        // a reading begun before the failed spot check that jailed us cannot say we are active again (it was read
        // before the node jailed): it keeps the jail; only a later reading lifts it
        boolean stale = before.jailed() && lastFailure != null && r.at().isBefore(lastFailure.at());
        boolean jailed = !r.active() || stale;
        Instant ends = before.jailEndsAt();
        if (jailed && !before.jailed()) {
            ends = lastFailure != null && r.at().isBefore(lastFailure.at().plus(jailDuration))
                    ? lastFailure.at().plus(jailDuration) : null;
            events.add(new MinerEvent.Jailed(r.at(), ends,
                    lastFailure != null ? lastFailure.message() : "the node shows this validator inactive"));
        } else if (!jailed && before.jailed()) {
            ends = null;
            events.add(new MinerEvent.Unjailed(r.at()));
        } else if (!jailed) {
            ends = null;
        }
        standing = new Standing(true, true, r.active() && !stale, jailed, ends, stake, change, r.totalScore(),
                r.reputationScore(), r.inferenceScore(), r.tasksCompleted(), slash, r.earnings(), r.locked(),
                r.available(), r.at());
        if (!sameApartFromTime(before, standing)) {
            events.add(new MinerEvent.StandingChanged(r.at(), standing));
        }
        return new Update(standing, events, false);
    }

    /** A gate that pauses the loop while jailed, saying until when. */
    public MiningGate gate(Clock clock) {
        return () -> {
            Standing s = current();
            if (!s.jailed()) {
                return GateDecision.RUN;
            }
            if (s.jailEndsAt() == null) {
                return new GateDecision.Pause("jailed by the node; waiting until it shows this validator active");
            }
            Duration left = s.jailRemaining(clock.instant());
            return new GateDecision.Pause("jailed until about " + HHMM.format(s.jailEndsAt()) + " ("
                    + formatCountdown(left) + " left); resumes when the node shows this validator active");
        };
    }

    /** {@code 5h 59m}, {@code 12m 03s}, {@code 9s}: a countdown for people. */
    public static String formatCountdown(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static Standing copy(Standing s, boolean registered, boolean active, boolean jailed, Instant ends,
                                 BigInteger change, Slash slash) {
        return new Standing(s.known(), registered, active, jailed, ends, s.stake(), change, s.contributionScore(),
                s.reputationScore(), s.inferenceScore(), s.tasksCompleted(), slash, s.earnings(), s.locked(),
                s.available(), s.readAt());
    }

    private static boolean sameApartFromTime(Standing a, Standing b) {
        return a.known() == b.known() && a.registered() == b.registered() && a.active() == b.active()
                && a.jailed() == b.jailed() && Objects.equals(a.jailEndsAt(), b.jailEndsAt())
                && Objects.equals(a.stake(), b.stake()) && a.stakeChange().signum() == 0 && b.stakeChange().signum() == 0
                && a.contributionScore() == b.contributionScore() && a.reputationScore() == b.reputationScore()
                && a.inferenceScore() == b.inferenceScore() && a.tasksCompleted() == b.tasksCompleted()
                && Objects.equals(a.lastSlash(), b.lastSlash()) && Objects.equals(a.earnings(), b.earnings())
                && Objects.equals(a.locked(), b.locked()) && Objects.equals(a.available(), b.available());
    }
}
