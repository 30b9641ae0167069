package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.qfc.miner.core.events.MinerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The governor's pauses and throttles as feed rows: plain words, and coalescing (no window needed). */
class GovernorRowsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final GovernorRows rows = new GovernorRows();
    private final List<ProofFeedRow> feed = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the governor's own reasons (miner-core Governor), as TaskLoop publishes them
        "paused: on battery power | Paused | On battery power; resumes when plugged in.",
        "paused: battery at 14% (minimum 20%) | Paused | Battery at 14% (minimum 20%); resumes when plugged in or charged.",
        "paused: CPU at 91 °C, resumes below 85 °C | Paused | CPU too hot (91 °C); resumes below 85 °C.",
        "paused: user active (idle 0:12 < 5 min) | Paused | You are using the computer; mining waits until it has been idle for 5 min (Settings).",
        "paused: other programs use 82% of the CPU | Paused | Other programs use 82% of the CPU; resumes when they need less.",
        "throttled: other programs use 63% of the CPU | Throttled | Other programs use 63% of the CPU; mining slows down to leave them room.",
        "throttled: CPU cap 50% (1 of 2 threads) | Throttled | CPU cap 50% (1 of 2 threads); slower on purpose, the cap is in Settings.",
        "paused by you until 14:32 | Paused | Paused by you until 14:32; Resume is in the tray menu.",
        "outside mining hours (resumes 18:00) | Paused | Outside mining hours (resumes 18:00).",
        "compute mode none: not computing | Paused | Compute mode none: not computing.",
    })
    void reasonsReadAsPlainWords(String reason, String outcome, String message) {
        MinerEvent e = reason.startsWith("throttled") ? new MinerEvent.Throttled(T0, reason) : new MinerEvent.Paused(T0, reason);
        ProofFeedRow row = rows.rowFor(e).orElseThrow();
        assertThat(row.outcome()).isEqualTo(outcome);
        assertThat(row.message()).isEqualTo(message);
        assertThat(row.isProof()).isFalse();
        assertThat(row.kind()).isEqualTo(ProofFeedRow.Kind.GOVERNOR);
        assertThat(row.at()).isEqualTo(T0);
    }

    @Test
    void notGovernorEventsAndTheJailMakeNoRow() {
        assertThat(rows.rowFor(new MinerEvent.Paused(T0, "jailed until 14:05: spot check failed"))).isEmpty();
        assertThat(rows.rowFor(new MinerEvent.ProofSubmitted(T0, "ab".repeat(32), 1))).isEmpty();
        assertThat(rows.rowFor(new MinerEvent.Resumed(T0))).as("a resume with no pause before it is no news").isEmpty();
    }

    @Test
    void aReasonThatOnlyChangedItsFiguresIsNoNewRow() {
        feed(new MinerEvent.Throttled(T0, "throttled: other programs use 63% of the CPU"));
        feed(new MinerEvent.Throttled(T0.plusSeconds(90), "throttled: other programs use 71% of the CPU"));
        feed(new MinerEvent.Throttled(T0.plusSeconds(200), "throttled: other programs use 58% of the CPU"));
        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).message()).startsWith("Other programs use 63%");
    }

    @Test
    void aFlappingGovernorSharesOneRowThatCountsTheChanges() {
        for (int i = 0; i < 20; i++) { // on battery, plugged in, on battery... every 2 s
            feed(i % 2 == 0 ? new MinerEvent.Paused(T0.plusSeconds(2L * i), "paused: on battery power")
                    : new MinerEvent.Resumed(T0.plusSeconds(2L * i)));
        }
        assertThat(feed).hasSize(1);
        ProofFeedRow row = feed.get(0);
        assertThat(row.outcome()).isEqualTo("Resumed");
        assertThat(row.at()).isEqualTo(T0.plusSeconds(38));
        assertThat(row.message()).startsWith("Mining at full speed again. (changed 20 times since ")
                .endsWith(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                        .withZone(java.time.ZoneId.systemDefault()).format(T0) + ")");
    }

    @Test
    void changesFarApartOrWithProofsBetweenGetARowEach() {
        feed(new MinerEvent.Paused(T0, "paused: on battery power"));
        feed(new MinerEvent.Resumed(T0.plus(GovernorRows.MERGE_WITHIN)));
        assertThat(feed).extracting(ProofFeedRow::outcome).containsExactly("Resumed", "Paused");

        proof(T0.plusSeconds(61));
        feed(new MinerEvent.Throttled(T0.plusSeconds(62), "throttled: CPU cap 50% (1 of 2 threads)"));
        proof(T0.plusSeconds(63));
        feed(new MinerEvent.Paused(T0.plusSeconds(64), "paused: CPU at 91 °C, resumes below 85 °C"));
        assertThat(feed).extracting(ProofFeedRow::outcome)
                .containsExactly("Paused", "Accepted", "Throttled", "Accepted", "Resumed", "Paused");
        assertThat(feed.get(0).message()).doesNotContain("changed");
    }

    @Test
    void theFeedKeepsItsLimit() {
        for (int i = 0; i < 10; i++) {
            proof(T0.plusSeconds(i));
        }
        rows.add(feed, rows.rowFor(new MinerEvent.Paused(T0.plusSeconds(20), "paused: on battery power")).orElseThrow(), 10);
        assertThat(feed).hasSize(10);
        assertThat(feed.get(0).outcome()).isEqualTo("Paused");
        assertThat(feed.get(9).at()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void resetForgetsTheLastReason() {
        feed(new MinerEvent.Paused(T0, "paused: on battery power"));
        rows.reset();
        feed.clear();
        feed(new MinerEvent.Paused(T0.plusSeconds(1), "paused: on battery power"));
        assertThat(feed).hasSize(1);
    }

    private void feed(MinerEvent e) {
        rows.rowFor(e).ifPresent(r -> rows.add(feed, r, DashboardController.FEED_ROWS));
    }

    private void proof(Instant at) {
        rows.proofShown();
        feed.add(0, new ProofFeedRow(at, "ab".repeat(32), "qfc-embed-small@v1.0", 12, "Accepted", "", true));
    }
}
