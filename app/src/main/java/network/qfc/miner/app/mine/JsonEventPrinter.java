package network.qfc.miner.app.mine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Instant;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;

/**
 * {@code mine --json}: one JSON object per event on standard output, one line each, with {@code "event"} (the kind)
 * and {@code "at"} (ISO-8601) first. Amounts are decimal strings of wei; unknown values are null.
 */
final class JsonEventPrinter {
    private final ObjectMapper json = new ObjectMapper();
    private final PrintWriter out;

    JsonEventPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(MinerEvent e) {
        ObjectNode o = toJson(e);
        synchronized (out) {
            out.println(o.toString());
            out.flush();
        }
    }

    ObjectNode toJson(MinerEvent e) {
        ObjectNode o = json.createObjectNode();
        o.put("event", e.kind());
        o.put("at", e.at().toString());
        if (e instanceof MinerEvent.Registered r) {
            o.put("address", r.address()).put("registered", r.registered()).put("assignedTier", r.assignedTier())
                    .put("message", r.message()).put("benchmarkScore", r.benchmarkScore())
                    .put("measuredScore", r.measuredScore()).put("scoreNote", r.scoreNote());
        } else if (e instanceof MinerEvent.TaskReceived t) {
            o.put("taskId", t.taskId()).put("epoch", t.epoch()).put("model", t.model()).put("taskType", t.taskType())
                    .put("inputBytes", t.inputBytes());
            time(o, "deadline", t.deadline());
        } else if (e instanceof MinerEvent.InferenceDone d) {
            o.put("taskId", d.taskId()).put("model", d.model()).put("executionTimeMs", d.executionTimeMs())
                    .put("outputHash", d.outputHash()).put("backend", d.backend());
        } else if (e instanceof MinerEvent.ProofSubmitted s) {
            o.put("taskId", s.taskId()).put("attempt", s.attempt());
        } else if (e instanceof MinerEvent.ProofResult r) {
            o.put("taskId", r.taskId()).put("model", r.model()).put("accepted", r.accepted())
                    .put("spotChecked", r.spotChecked()).put("message", r.message())
                    .put("executionTimeMs", r.executionTimeMs()).put("attempts", r.attempts());
        } else if (e instanceof MinerEvent.TaskSkipped k) {
            o.put("taskId", k.taskId()).put("model", k.model()).put("taskType", k.taskType()).put("reason", k.reason());
        } else if (e instanceof MinerEvent.ClockSkew c) {
            o.put("skewMs", c.skewMs()).put("warning", c.warning());
        } else if (e instanceof MinerEvent.ProofLayoutChosen l) {
            o.put("url", l.url()).put("layout", l.layout()).put("how", l.how());
        } else if (e instanceof MinerEvent.ProofDropped d) {
            o.put("taskId", d.taskId()).put("reason", d.reason());
        } else if (e instanceof MinerEvent.StandingChanged s) {
            standing(o, s.standing(), e.at());
        } else if (e instanceof MinerEvent.Slashed s) {
            amount(o, "amountWei", s.amount());
            o.put("afterTaskId", s.afterTaskId()).put("cause", s.cause());
        } else if (e instanceof MinerEvent.Jailed j) {
            time(o, "endsAt", j.endsAt());
            o.put("cause", j.cause());
        } else if (e instanceof MinerEvent.ModelDownloadProgress p) {
            o.put("model", p.model()).put("bytes", p.bytesDone()).put("totalBytes", p.totalBytes()).put("phase", p.phase());
        } else if (e instanceof MinerEvent.BackendFellBack b) {
            o.put("requested", b.requested()).put("actual", b.actual()).put("reason", b.reason());
        } else if (e instanceof MinerEvent.NodeUnreachable u) {
            o.put("url", u.url()).put("reason", u.reason()).put("retryInMs", u.retryIn().toMillis());
        } else if (e instanceof MinerEvent.NodeReachable r) {
            o.put("url", r.url()).put("latencyMs", r.latencyMs());
        } else if (e instanceof MinerEvent.Paused p) {
            o.put("reason", p.reason());
        } else if (e instanceof MinerEvent.Throttled t) {
            o.put("reason", t.reason());
        } else if (e instanceof MinerEvent.Stopped s) {
            o.put("reason", s.reason()).put("clean", s.clean());
        } else if (e instanceof MinerEvent.Error err) {
            o.put("message", err.message()).put("fatal", err.fatal());
        }
        return o;
    }

    private static void standing(ObjectNode o, MinerSnapshot.Standing s, Instant now) {
        o.put("known", s.known()).put("registered", s.registered()).put("active", s.active()).put("jailed", s.jailed());
        time(o, "jailEndsAt", s.jailEndsAt());
        o.put("jailRemainingSeconds", s.jailRemaining(now).toSeconds());
        amount(o, "stakeWei", s.stake());
        amount(o, "stakeChangeWei", s.stakeChange());
        number(o, "contributionScore", s.contributionScore());
        number(o, "reputationScore", s.reputationScore());
        number(o, "inferenceScore", s.inferenceScore());
        number(o, "tasksCompleted", s.tasksCompleted());
        if (s.lastSlash() == null) {
            o.putNull("lastSlash");
        } else {
            ObjectNode l = o.putObject("lastSlash");
            amount(l, "amountWei", s.lastSlash().amount());
            time(l, "at", s.lastSlash().at());
            l.put("afterTaskId", s.lastSlash().afterTaskId()).put("cause", s.lastSlash().cause());
        }
        amount(o, "earningsTodayWei", s.earnings());
        amount(o, "lockedWei", s.locked());
        amount(o, "availableWei", s.available());
    }

    private static void number(ObjectNode o, String name, long v) {
        if (v < 0) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void amount(ObjectNode o, String name, BigInteger v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.toString());
        }
    }

    private static void time(ObjectNode o, String name, Instant t) {
        if (t == null) {
            o.putNull(name);
        } else {
            o.put(name, t.toString());
        }
    }
}
