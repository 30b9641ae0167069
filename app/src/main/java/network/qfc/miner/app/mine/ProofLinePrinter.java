package network.qfc.miner.app.mine;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.mining.StandingTracker;

/**
 * {@code mine} without {@code --json}: one line per proof (time, task, model, ms, accepted / spot-checked / rejected
 * and why), a line for what a person must know (registered, node lost and back, paused, jailed, slashed, stopped),
 * and a status line when the standing changes.
 */
final class ProofLinePrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final BigDecimal WEI = new BigDecimal(BigInteger.TEN.pow(18));

    private final PrintWriter out;
    private final Supplier<MinerSnapshot> snapshot;

    ProofLinePrinter(PrintWriter out, Supplier<MinerSnapshot> snapshot) {
        this.out = out;
        this.snapshot = snapshot;
    }

    void print(MinerEvent e) {
        String line = line(e);
        if (line != null) {
            synchronized (out) {
                out.println(TIME.format(e.at()) + "  " + line);
                out.flush();
            }
        }
    }

    String line(MinerEvent e) {
        if (e instanceof MinerEvent.ProofResult r) {
            String verdict = r.accepted() ? (r.spotChecked() ? "accepted, spot-checked" : "accepted")
                    : (r.spotChecked() ? "REJECTED by spot check: " : "rejected: ") + r.message();
            return String.format("proof %s  %s  %4d ms  %s%s", shortId(r.taskId()), r.model(), r.executionTimeMs(),
                    verdict, r.attempts() > 1 ? " (after " + r.attempts() + " attempts)" : "");
        }
        if (e instanceof MinerEvent.ProofDropped d) {
            return "proof " + shortId(d.taskId()) + "  dropped: " + d.reason();
        }
        if (e instanceof MinerEvent.TaskSkipped k) {
            return "task  " + shortId(k.taskId()) + "  " + k.model() + "  skipped: " + k.reason();
        }
        if (e instanceof MinerEvent.ClockSkew c) {
            return c.warning().isEmpty() ? "clock: within " + Math.max(1, Math.round(Math.abs(c.skewMs()) / 1000.0))
                    + " s of the node's" : "WARNING: " + c.warning();
        }
        if (e instanceof MinerEvent.ProofLayoutChosen l) {
            return "node " + l.url() + " takes proof layout " + l.layout() + " (" + l.how() + ")";
        }
        if (e instanceof MinerEvent.Registered r) {
            return (r.registered() ? "registered " : "registration refused for ") + r.address() + " (benchmark score "
                    + r.benchmarkScore() + (r.scoreNote().isEmpty() ? "" : "; " + r.scoreNote()) + "): " + r.message();
        }
        if (e instanceof MinerEvent.StandingChanged s) {
            return status(s.standing(), e);
        }
        if (e instanceof MinerEvent.Slashed s) {
            return "SLASHED " + qfc(s.amount()) + " QFC after task " + shortId(s.afterTaskId()) + ": " + s.cause();
        }
        if (e instanceof MinerEvent.Jailed j) {
            return "JAILED" + (j.endsAt() == null ? "" : " until about " + TIME.format(j.endsAt())) + ": " + j.cause()
                    + "; no tasks until the node shows this validator active";
        }
        if (e instanceof MinerEvent.Unjailed) {
            return "unjailed: the node shows this validator active again";
        }
        if (e instanceof MinerEvent.NodeUnreachable u) {
            return "node " + u.url() + " unreachable (" + u.reason() + "); retrying in " + u.retryIn().toSeconds() + " s";
        }
        if (e instanceof MinerEvent.NodeReachable r) {
            return "node " + r.url() + " reachable (" + r.latencyMs() + " ms)";
        }
        if (e instanceof MinerEvent.Paused p) {
            return p.reason().startsWith("paused") ? p.reason() : "paused: " + p.reason();
        }
        if (e instanceof MinerEvent.Throttled t) {
            return t.reason().startsWith("throttled") ? t.reason() : "throttled: " + t.reason();
        }
        if (e instanceof MinerEvent.Resumed) {
            return "resumed";
        }
        if (e instanceof MinerEvent.BackendFellBack b) {
            return "backend " + b.requested() + " not used, running on " + b.actual() + ": " + b.reason();
        }
        if (e instanceof MinerEvent.ModelDownloadProgress p && p.totalBytes() < 0) {
            return "model " + p.model() + ": " + p.phase();
        }
        if (e instanceof MinerEvent.Error err) {
            return (err.fatal() ? "error: " : "warning: ") + err.message();
        }
        if (e instanceof MinerEvent.Stopped s) {
            MinerSnapshot.Counters c = snapshot.get().counters();
            return "stopped: " + s.reason() + " (" + c.accepted() + " accepted, " + c.rejected() + " rejected, "
                    + c.expired() + " expired)";
        }
        return null;
    }

    private String status(MinerSnapshot.Standing s, MinerEvent e) {
        MinerSnapshot snap = snapshot.get();
        MinerSnapshot.Counters c = snap.counters();
        StringBuilder b = new StringBuilder("status: ");
        if (!s.registered() && !snap.node().standalone()) {
            return b.append("the node does not list this validator; registering again").toString();
        }
        if (!s.registered()) {
            b.append("standalone miner (registered, not a validator: it mines, and is neither scored nor slashed)");
        } else {
            b.append(s.jailed() ? "JAILED" + (s.jailEndsAt() == null ? "" : " (" + StandingTracker.formatCountdown(
                    s.jailRemaining(e.at())) + " left)") : "active");
        }
        if (snap.node().proofLayout() != null) {
            b.append(" | proof layout ").append(snap.node().proofLayout());
        }
        if (snap.node().clockWarning() != null) {
            b.append(" | ").append(snap.node().clockWarning());
        }
        governorState(snap).ifPresent(g -> b.append(" | ").append(g));
        b.append(" | proofs ").append(c.accepted()).append(" accepted, ").append(c.rejected()).append(" rejected");
        if (s.stake() != null) {
            b.append(" | stake ").append(qfc(s.stake())).append(" QFC");
            if (s.stakeChange().signum() != 0) {
                b.append(" (").append(s.stakeChange().signum() > 0 ? "+" : "").append(qfc(s.stakeChange())).append(")");
            }
        }
        if (s.contributionScore() >= 0) {
            b.append(" | score ").append(s.contributionScore());
        }
        if (s.tasksCompleted() >= 0) {
            b.append(" | tasks ").append(s.tasksCompleted());
        }
        if (s.earnings() != null) {
            b.append(" | today ").append(qfc(s.earnings())).append(" QFC");
        }
        return b.toString();
    }

    /** "paused: on battery power" or "throttled: CPU cap 50% (1 of 2 threads)" when the miner is held back. */
    static java.util.Optional<String> governorState(MinerSnapshot snap) {
        String reason = snap.stateReason();
        if (snap.state() == network.qfc.miner.core.events.MinerState.PAUSED) {
            return java.util.Optional.of(reason.startsWith("paused") ? reason : "paused: " + reason);
        }
        int t = reason.indexOf("throttled:");
        return t < 0 ? java.util.Optional.empty() : java.util.Optional.of(reason.substring(t));
    }

    static String qfc(BigInteger wei) {
        return new BigDecimal(wei).divide(WEI, 4, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.length() > 12 ? id.substring(0, 12) : id;
    }
}
