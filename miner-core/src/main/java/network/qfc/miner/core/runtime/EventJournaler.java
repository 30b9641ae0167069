package network.qfc.miner.core.runtime;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.journal.JournalException;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.StandingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the dashboard's history needs from the event stream: standing snapshots, and the events a person wants
 * to find later (registered, slashed, jailed, unjailed, paused, throttled, resumed, node lost/back, backend
 * fallback, errors, stopped). Proof events are not repeated here: the journal's task rows already hold them. Runs on its own
 * event-bus subscriber thread.
 */
final class EventJournaler {
    private static final Logger LOG = LoggerFactory.getLogger(EventJournaler.class);

    private final Supplier<Optional<ProofJournal>> journals;
    private ProofJournal journal;

    /** Records into the journal {@code journals} gives at each event (the network being mined, or used last). */
    EventJournaler(Supplier<Optional<ProofJournal>> journals) {
        this.journals = Objects.requireNonNull(journals, "journals");
    }

    void onEvent(MinerEvent e) {
        try {
            Optional<ProofJournal> j = journals.get();
            if (j.isEmpty()) {
                return; // no network chosen yet: nothing to keep the event beside
            }
            journal = j.get();
            record(e);
        } catch (JournalException ex) {
            LOG.warn("could not journal the {} event: {}", e.kind(), ex.getMessage());
        }
    }

    private void record(MinerEvent e) {
        long at = e.at().toEpochMilli();
        if (e instanceof MinerEvent.StandingChanged s) {
            MinerSnapshot.Standing st = s.standing();
            if (st.known() && st.registered()) {
                journal.recordStanding(new StandingRecord(at, BigInteger.valueOf(Math.max(0, st.inferenceScore())),
                        st.stake() == null ? BigInteger.ZERO : st.stake(), Math.max(0, st.contributionScore()),
                        Math.max(0, st.tasksCompleted()), st.active(), st.jailed()));
            }
        } else if (e instanceof MinerEvent.Registered r) {
            journal.recordEvent(e.kind(), (r.registered() ? "registered" : "refused") + " as " + r.address()
                    + " (tier " + r.assignedTier() + ", score " + r.benchmarkScore()
                    + (r.scoreNote().isEmpty() ? "" : "; " + r.scoreNote()) + "): " + r.message(), at);
        } else if (e instanceof MinerEvent.ClockSkew c && !c.warning().isEmpty()) {
            journal.recordEvent(e.kind(), c.warning(), at);
        } else if (e instanceof MinerEvent.ProofLayoutChosen l) {
            journal.recordEvent(e.kind(), l.url() + " takes proof layout " + l.layout() + " (" + l.how() + ")", at);
        } else if (e instanceof MinerEvent.Slashed s) {
            journal.recordEvent(e.kind(), s.amount() + " wei after task " + s.afterTaskId() + ": " + s.cause(), at);
        } else if (e instanceof MinerEvent.Jailed j) {
            journal.recordEvent(e.kind(), "until " + (j.endsAt() == null ? "unknown" : j.endsAt()) + ": " + j.cause(), at);
        } else if (e instanceof MinerEvent.Unjailed) {
            journal.recordEvent(e.kind(), "active again", at);
        } else if (e instanceof MinerEvent.Paused p) {
            journal.recordEvent(e.kind(), p.reason(), at);
        } else if (e instanceof MinerEvent.Throttled t) {
            journal.recordEvent(e.kind(), t.reason(), at);
        } else if (e instanceof MinerEvent.Resumed) {
            journal.recordEvent(e.kind(), "mining again", at);
        } else if (e instanceof MinerEvent.NodeReachable r) {
            journal.recordEvent(e.kind(), r.url() + " answers (" + r.latencyMs() + " ms)", at);
        } else if (e instanceof MinerEvent.NodeUnreachable u) {
            journal.recordEvent(e.kind(), u.url() + ": " + u.reason(), at);
        } else if (e instanceof MinerEvent.BackendFellBack b) {
            journal.recordEvent(e.kind(), b.requested() + " -> " + b.actual() + ": " + b.reason(), at);
        } else if (e instanceof MinerEvent.Error err) {
            journal.recordEvent(e.kind(), (err.fatal() ? "fatal: " : "") + err.message(), at);
        } else if (e instanceof MinerEvent.Stopped s) {
            journal.recordEvent(e.kind(), s.reason(), at);
        }
    }
}
