package network.qfc.miner.core.events;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to the miner, as an immutable record with the time it happened. The UI, the headless
 * printer, the metrics exporter and the journal all read these; nothing here refers to a live object.
 *
 * <p>Models are written {@code name@version}; task ids are the node's 64 hex characters; amounts are wei.
 */
public sealed interface MinerEvent {

    /** When it happened (the miner's clock). */
    Instant at();

    /** A short lower-case name of the kind of event ({@code "proof"}, {@code "task"} ...), used by the JSON output. */
    String kind();

    /**
     * The node accepted (or refused) the registration. {@code benchmarkScore} is what was sent, {@code measuredScore}
     * what this machine measured, {@code scoreNote} why they differ (empty when they do not; see NodeScore).
     */
    record Registered(Instant at, String address, boolean registered, int assignedTier, String message,
                      int benchmarkScore, int measuredScore, String scoreNote) implements MinerEvent {
        public String kind() {
            return "registered";
        }
    }

    /** The node handed out a task. */
    record TaskReceived(Instant at, String taskId, long epoch, String model, String taskType, int inputBytes,
                        Instant deadline) implements MinerEvent {
        public String kind() {
            return "task";
        }
    }

    /** The engine finished a task's inference. */
    record InferenceDone(Instant at, String taskId, String model, long executionTimeMs, String outputHash,
                         String backend) implements MinerEvent {
        public String kind() {
            return "inference";
        }
    }

    /** A proof was sent to the node ({@code attempt} counts from 1; a retry sends the same bytes). */
    record ProofSubmitted(Instant at, String taskId, int attempt) implements MinerEvent {
        public String kind() {
            return "submitted";
        }
    }

    /** The node answered a proof. */
    record ProofResult(Instant at, String taskId, String model, boolean accepted, boolean spotChecked, String message,
                       long executionTimeMs, int attempts) implements MinerEvent {
        public String kind() {
            return "proof";
        }
    }

    /**
     * A task this miner cannot run (type and model checked before any inference): journaled SKIPPED, no proof sent,
     * not a failure. {@code reason} reads e.g. "this miner does not run qfc-whisper-base yet (speech to text)".
     */
    record TaskSkipped(Instant at, String taskId, String model, String taskType, String reason) implements MinerEvent {
        public String kind() {
            return "skipped";
        }
    }

    /**
     * The skew between this computer's clock and the node's changed (node minus local, ms); {@code warning} says what
     * to do when it is over 5 s, else empty.
     */
    record ClockSkew(Instant at, long skewMs, String warning) implements MinerEvent {
        public ClockSkew {
            Objects.requireNonNull(warning, "warning");
        }

        public String kind() {
            return "clock";
        }
    }

    /**
     * The proof layout the node takes ({@code A}, {@code B} or {@code C}; see the protocol page's "Node generations"),
     * and how the miner knows it ("negotiated": a proof in it was accepted; "remembered": from the journal).
     */
    record ProofLayoutChosen(Instant at, String url, String layout, String how) implements MinerEvent {
        public String kind() {
            return "layout";
        }
    }

    /** A proof was not submitted because its task's deadline passed (or it never could be answered). */
    record ProofDropped(Instant at, String taskId, String reason) implements MinerEvent {
        public String kind() {
            return "dropped";
        }
    }

    /** The validator's standing as last read from the node. */
    record StandingChanged(Instant at, MinerSnapshot.Standing standing) implements MinerEvent {
        public String kind() {
            return "standing";
        }
    }

    /** The node slashed this validator's stake. {@code afterTaskId} is the proof the miner believes caused it. */
    record Slashed(Instant at, BigInteger amount, String afterTaskId, String cause) implements MinerEvent {
        public String kind() {
            return "slashed";
        }
    }

    /** The validator is jailed; {@code endsAt} is the miner's estimate (null when unknown). */
    record Jailed(Instant at, Instant endsAt, String cause) implements MinerEvent {
        public String kind() {
            return "jailed";
        }
    }

    /** The node shows the validator active again. */
    record Unjailed(Instant at) implements MinerEvent {
        public String kind() {
            return "unjailed";
        }
    }

    /** A model is being downloaded (or seeded). {@code totalBytes} is -1 when unknown. */
    record ModelDownloadProgress(Instant at, String model, long bytesDone, long totalBytes, String phase)
            implements MinerEvent {
        public String kind() {
            return "download";
        }
    }

    /** The requested backend could not be used; inference runs on {@code actual} instead. */
    record BackendFellBack(Instant at, String requested, String actual, String reason) implements MinerEvent {
        public String kind() {
            return "backend";
        }
    }

    /** The node could not be reached; the miner tries again after {@code retryIn}. */
    record NodeUnreachable(Instant at, String url, String reason, Duration retryIn) implements MinerEvent {
        public String kind() {
            return "unreachable";
        }
    }

    /** The node answers again (or for the first time). */
    record NodeReachable(Instant at, String url, long latencyMs) implements MinerEvent {
        public String kind() {
            return "reachable";
        }
    }

    /** The loop stopped fetching tasks, and why (jailed, governor, compute mode none). */
    record Paused(Instant at, String reason) implements MinerEvent {
        public String kind() {
            return "paused";
        }
    }

    /**
     * The governor slows mining down (CPU cap, other programs' load) and why, e.g. "throttled: CPU cap 50% (1 of 2
     * threads)". Sent when the kind of throttle starts or changes, not for every changed figure.
     */
    record Throttled(Instant at, String reason) implements MinerEvent {
        public Throttled {
            Objects.requireNonNull(reason, "reason");
        }

        public String kind() {
            return "throttled";
        }
    }

    /** The loop fetches tasks again at full speed, after a pause or a throttle. */
    record Resumed(Instant at) implements MinerEvent {
        public String kind() {
            return "resumed";
        }
    }

    /** The miner stopped; {@code reason} says why (max proofs, duration, user, fatal error). */
    record Stopped(Instant at, String reason, boolean clean) implements MinerEvent {
        public String kind() {
            return "stopped";
        }
    }

    /** Something went wrong; {@code fatal} when the miner cannot go on. The message is for a person. */
    record Error(Instant at, String message, boolean fatal) implements MinerEvent {
        public Error {
            Objects.requireNonNull(message, "message");
        }

        public String kind() {
            return "error";
        }
    }
}
