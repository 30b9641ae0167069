package network.qfc.miner.app.desktop.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import network.qfc.miner.core.journal.Counters;
import network.qfc.miner.core.journal.JournalNetwork;
import network.qfc.miner.core.journal.ProofJournal;

/**
 * The journal's totals in one line, each saying what it counts: today (UTC) and since the network was chosen, with
 * the tasks split into accepted, rejected, dropped (expired or failed) and still in flight, so the figures add up.
 */
final class JournalTotals {
    private JournalTotals() {
    }

    static String describe(ProofJournal journal, Instant now) {
        Counters today = journal.totalsForDay(LocalDate.ofInstant(now, ZoneOffset.UTC)).counters();
        StringBuilder line = new StringBuilder("Today (UTC): ").append(split(today));
        JournalNetwork network = journal.network().orElse(null);
        if (network != null) {
            line.append(". Since ").append(network.identity().describe()).append(" was chosen (")
                    .append(LocalDate.ofInstant(Instant.ofEpochMilli(network.chosenAtMs()), ZoneOffset.UTC))
                    .append("): ").append(split(journal.counters(network.chosenAtMs())));
        } else {
            line.append(". All recorded (before networks were told apart): ").append(split(journal.counters(0)));
        }
        return line.append('.').toString();
    }

    static String split(Counters c) {
        return c.tasks() + " tasks = " + c.accepted() + " accepted + " + c.rejected() + " rejected + "
                + (c.expired() + c.failed()) + " dropped + " + c.inFlight() + " in flight";
    }
}
