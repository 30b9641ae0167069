package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofJournalTest {
    @TempDir
    Path dir;

    private ProofJournal open() {
        return ProofJournal.open(dir.resolve("data/journal.db"), Clock.fixed(Instant.ofEpochMilli(T0 + 50), ZoneOffset.UTC));
    }

    @Test
    void walksTheWholeStateMachine() {
        try (ProofJournal j = open()) {
            assertThat(j.recordFetched(task(1, T0, T0 + 60_000))).isTrue();
            assertThat(j.find(id(1))).get().satisfies(e -> {
                assertThat(e.state()).isEqualTo(TaskState.FETCHED);
                assertThat(e.task()).isEqualTo(task(1, T0, T0 + 60_000));
                assertThat(e.outputHash()).isNull();
            });
            j.recordInferred(id(1), hash(1), 13, "CPU", 1_000_001, T0 + 20);
            assertThat(j.find(id(1)).orElseThrow().state()).isEqualTo(TaskState.INFERRED);
            j.recordSigned(id(1), proof(1), result(1));
            assertThat(j.find(id(1)).orElseThrow().state()).isEqualTo(TaskState.SIGNED);
            assertThat(j.beginSubmitAttempt(id(1))).isEqualTo(1);
            assertThat(j.beginSubmitAttempt(id(1))).isEqualTo(2);
            assertThat(j.isAnswered(id(1))).isFalse();
            assertThat(j.recordAnswer(id(1), true, true, "accepted after spot check", T0 + 200)).isTrue();

            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.ANSWERED);
            assertThat(e.outputHash()).isEqualTo(hash(1));
            assertThat(e.executionMs()).isEqualTo(13L);
            assertThat(e.backend()).isEqualTo("CPU");
            assertThat(e.flops()).isEqualTo(1_000_001L);
            assertThat(e.proofBytes()).isEqualTo(proof(1));
            assertThat(e.resultData()).isEqualTo(result(1));
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.accepted()).isTrue();
            assertThat(e.spotChecked()).isTrue();
            assertThat(e.nodeMessage()).isEqualTo("accepted after spot check");
            assertThat(e.settledAtMs()).isEqualTo(T0 + 200);
            assertThat(j.isAnswered(id(1))).isTrue();
            assertThat(j.unsentOrUnanswered(T0)).isEmpty();
        }
    }

    @Test
    void recordsSeveralSignedTasksInOneTransactionAndSkipsKnownOnes() {
        Path file = dir.resolve("batch.db");
        try (ProofJournal j = ProofJournal.open(file, Clock.fixed(Instant.ofEpochMilli(T0 + 50), ZoneOffset.UTC))) {
            signed(j, 2, T0, T0 + 60_000); // already journaled by an earlier call: must not be recorded again
            List<Boolean> r = j.recordSignedTasks(List.of(
                    new SignedTask(task(1, T0, T0 + 60_000), hash(1), 13, "CPU", 1_000_001, T0 + 20, proof(1), result(1)),
                    new SignedTask(task(2, T0, T0 + 60_000), hash(3), 99, "CPU", 7, T0 + 21, proof(3), null),
                    new SignedTask(task(3, T0 + 1, T0 + 60_000), hash(3), 14, "CUDA", 1_000_003, T0 + 22, proof(3), null)));
            assertThat(r).containsExactly(true, false, true);
            assertThat(j.find(id(2)).orElseThrow().proofBytes()).as("the known task is left as it was").isEqualTo(proof(2));
        }
        try (ProofJournal j = ProofJournal.open(file)) {
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.SIGNED);
            assertThat(e.task()).isEqualTo(task(1, T0, T0 + 60_000));
            assertThat(e.outputHash()).isEqualTo(hash(1));
            assertThat(e.executionMs()).isEqualTo(13L);
            assertThat(e.flops()).isEqualTo(1_000_001L);
            assertThat(e.proofBytes()).isEqualTo(proof(1));
            assertThat(e.resultData()).isEqualTo(result(1));
            assertThat(j.find(id(3)).orElseThrow().backend()).isEqualTo("CUDA");
            assertThat(j.unsentOrUnanswered(T0 + 1000)).extracting(PendingProof::taskId)
                    .containsExactlyInAnyOrder(id(1), id(2), id(3));
            assertThat(j.beginSubmitAttempt(id(1))).isEqualTo(1);
        }
    }

    @Test
    void aTaskKnownOnlyAsFetchedIsLeftAloneByABatch() {
        try (ProofJournal j = open()) {
            j.recordFetched(task(2, T0, T0 + 60_000)); // FETCHED only: the batch skips it, it stays FETCHED
            SignedTask ok = new SignedTask(task(1, T0, T0 + 60_000), hash(1), 13, "CPU", 1, T0 + 20, proof(1), null);
            assertThat(j.recordSignedTasks(List.of(ok, new SignedTask(task(2, T0, T0 + 60_000), hash(2), 13, "CPU", 1,
                    T0 + 20, proof(2), null)))).containsExactly(true, false);
            assertThat(j.find(id(2)).orElseThrow().state()).isEqualTo(TaskState.FETCHED);
            assertThat(j.recordSignedTasks(List.of())).isEmpty();
        }
    }

    @Test
    void acceptsUpperCaseAndPrefixedIdsAsTheSameTask() {
        try (ProofJournal j = open()) {
            j.recordFetched(task(0xab, T0, T0 + 60_000));
            assertThat(j.recordFetched(new TaskRecord("0x" + id(0xab).toUpperCase(), 1, "m", "v", "embedding", 0, T0, T0)))
                    .isFalse();
            assertThat(j.find("0X" + id(0xab).toUpperCase())).isPresent();
            assertThatThrownBy(() -> j.find("abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task id");
        }
    }

    @Test
    void theFirstAnswerIsFinal() {
        try (ProofJournal j = open()) {
            answered(j, 1, T0, false, true);
            assertThat(j.recordAnswer(id(1), true, false, "changed my mind", T0 + 999)).isFalse();
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.accepted()).isFalse();
            assertThat(e.spotChecked()).isTrue();
            assertThat(e.nodeMessage()).isEqualTo("spot check failed");
            assertThat(e.settledAtMs()).isEqualTo(T0 + 100);
            assertThatThrownBy(() -> j.beginSubmitAttempt(id(1)))
                    .isInstanceOf(JournalException.class).hasMessageContaining("already answered")
                    .extracting(t -> ((JournalException) t).reason()).isEqualTo(JournalException.Reason.ILLEGAL_TRANSITION);
            assertThat(j.markExpired(id(1), T0 + 1000)).isFalse();
            assertThat(j.markFailed(id(1), "late", T0 + 1000)).isFalse();
            assertThat(j.find(id(1)).orElseThrow().state()).isEqualTo(TaskState.ANSWERED);
        }
    }

    @Test
    void refusesStepsOutOfOrderAndChangesNothing() {
        try (ProofJournal j = open()) {
            assertThatThrownBy(() -> j.recordInferred(id(9), hash(9), 1, "CPU", 1, T0))
                    .isInstanceOf(JournalException.class)
                    .extracting(t -> ((JournalException) t).reason()).isEqualTo(JournalException.Reason.UNKNOWN_TASK);
            j.recordFetched(task(1, T0, T0 + 60_000));
            assertThatThrownBy(() -> j.recordSigned(id(1), proof(1), null)).hasMessageContaining("it is FETCHED");
            assertThatThrownBy(() -> j.beginSubmitAttempt(id(1))).hasMessageContaining("it is FETCHED");
            assertThatThrownBy(() -> j.recordAnswer(id(1), true, false, "", T0)).hasMessageContaining("it is FETCHED");
            j.recordInferred(id(1), hash(1), 1, "CPU", 1, T0);
            j.recordInferred(id(1), hash(1), 1, "CPU", 1, T0); // the same result again: no-op
            assertThatThrownBy(() -> j.recordInferred(id(1), hash(2), 1, "CPU", 1, T0)).hasMessageContaining("it is INFERRED");
            j.recordSigned(id(1), proof(1), null);
            j.recordSigned(id(1), proof(1), null); // the same proof again: no-op
            assertThatThrownBy(() -> j.recordSigned(id(1), proof(2), null)).hasMessageContaining("different signed proof");
            assertThatThrownBy(() -> j.recordAnswer(id(1), true, false, "", T0)).hasMessageContaining("it is SIGNED");
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.SIGNED);
            assertThat(e.proofBytes()).isEqualTo(proof(1));
            assertThat(e.resultData()).isNull();
            assertThat(e.attempts()).isZero();
        }
    }

    @Test
    void aRestartKeepsEverythingAndResendsTheSameBytes() {
        Path file = dir.resolve("journal.db");
        try (ProofJournal j = ProofJournal.open(file)) {
            signed(j, 1, T0, T0 + 60_000);                 // signed, never sent
            signed(j, 2, T0 + 1, T0 + 60_000);             // sent, unanswered
            j.beginSubmitAttempt(id(2));
            j.beginSubmitAttempt(id(2));
            answered(j, 3, T0 + 2, true, false);           // done
            signed(j, 4, T0 + 3, T0 + 10);                 // deadline passed by "now"
            j.recordFetched(task(5, T0 + 4, T0 + 60_000)); // not signed: nothing to resend
            j.recordStanding(new StandingRecord(T0 + 5, BigInteger.valueOf(77), new BigInteger("123456789012345678901234567890"), 5, 1, true, false));
            j.recordEvent("paused", "by the user", T0 + 6);
        }
        try (ProofJournal j = ProofJournal.open(file)) {
            List<PendingProof> pending = j.unsentOrUnanswered(T0 + 1000);
            assertThat(pending).extracting(PendingProof::taskId).containsExactlyInAnyOrder(id(1), id(2));
            PendingProof p2 = pending.stream().filter(p -> p.taskId().equals(id(2))).findFirst().orElseThrow();
            assertThat(p2.proofBytes()).isEqualTo(proof(2));
            assertThat(p2.resultData()).isEqualTo(result(2));
            assertThat(p2.attempts()).isEqualTo(2);
            assertThat(p2.outputHash()).isEqualTo(hash(2));
            assertThat(p2.epoch()).isEqualTo(1002);
            assertThat(p2.executionMs()).isEqualTo(14);
            assertThat(p2.flops()).isEqualTo(1_000_002L);
            assertThat(p2.backend()).isEqualTo("CPU");
            assertThat(p2.deadlineMs()).isEqualTo(T0 + 60_000);
            assertThat(j.beginSubmitAttempt(id(2))).isEqualTo(3);
            assertThat(j.isAnswered(id(3))).isTrue();
            assertThat(j.find(id(5)).orElseThrow().state()).isEqualTo(TaskState.FETCHED);
            assertThat(j.lastStanding()).get().satisfies(s -> {
                assertThat(s.stake()).isEqualTo(new BigInteger("123456789012345678901234567890"));
                assertThat(s.inferenceScore()).isEqualTo(BigInteger.valueOf(77));
                assertThat(s.active()).isTrue();
                assertThat(s.jailed()).isFalse();
            });
            assertThat(j.events(0)).containsExactly(new EventRecord(T0 + 6, "paused", "by the user"));
            assertThat(j.recent(10)).extracting(JournalEntry::taskId).containsExactly(id(5), id(4), id(3), id(2), id(1));
            assertThat(j.recent(2)).extracting(JournalEntry::taskId).containsExactly(id(5), id(4));
        }
    }

    @Test
    void expiresWhatIsOverdueSentOrNot() {
        try (ProofJournal j = open()) {
            j.recordFetched(task(1, T0, T0 + 1_000));      // fetched only
            signed(j, 2, T0, T0 + 1_000);                   // signed, never sent
            signed(j, 3, T0, T0 + 1_000);                   // sent, unanswered
            j.beginSubmitAttempt(id(3));
            signed(j, 4, T0, T0 + 5_000);                   // not yet due
            answered(j, 5, T0, true, false);                // answered: never expires

            assertThat(j.unsentOrUnanswered(T0 + 999)).hasSize(3);
            assertThat(j.unsentOrUnanswered(T0 + 1_000)).extracting(PendingProof::taskId).containsExactly(id(4));
            assertThat(j.expireOverdue(T0 + 1_000)).isEqualTo(3);
            assertThat(j.expireOverdue(T0 + 1_000)).isZero();
            for (int n = 1; n <= 3; n++) {
                assertThat(j.find(id(n)).orElseThrow().state()).isEqualTo(TaskState.EXPIRED);
            }
            assertThat(j.find(id(4)).orElseThrow().state()).isEqualTo(TaskState.SIGNED);
            assertThat(j.find(id(5)).orElseThrow().state()).isEqualTo(TaskState.ANSWERED);
            assertThatThrownBy(() -> j.beginSubmitAttempt(id(2))).hasMessageContaining("it is EXPIRED");
            // the node answers the proof that was sent after all: its word is recorded
            assertThat(j.recordAnswer(id(3), true, false, "late but fine", T0 + 1_100)).isTrue();
            assertThat(j.find(id(3)).orElseThrow().state()).isEqualTo(TaskState.ANSWERED);
            // a proof never sent cannot have an answer
            assertThatThrownBy(() -> j.recordAnswer(id(2), true, false, "?", T0 + 1_100)).hasMessageContaining("it is EXPIRED");
            assertThat(j.markExpired(id(4), T0 + 2_000)).isTrue();
            assertThat(j.markExpired(id(4), T0 + 2_000)).isFalse();
        }
    }

    @Test
    void recordsATaskItsInferenceAndItsProofInOneStepAndSettlesTasksLeftWithoutAProof() {
        try (ProofJournal j = open()) {
            assertThat(j.recordSignedTasks(List.of(new SignedTask(task(1, T0, T0 + 60_000), hash(1), 13, "CPU", 7, T0 + 20,
                    proof(1), result(1))))).containsExactly(true);
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.SIGNED);
            assertThat(e.outputHash()).isEqualTo(hash(1));
            assertThat(e.proofBytes()).isEqualTo(proof(1));
            assertThat(j.recordSignedTasks(List.of(new SignedTask(task(1, T0, T0 + 60_000), hash(2), 1, "CPU", 1, T0,
                    proof(2), null)))).as("known already: nothing changed").containsExactly(false);
            assertThat(j.find(id(1)).orElseThrow().proofBytes()).isEqualTo(proof(1));
            // a bad output hash is refused before anything is written: no task row without its proof
            assertThatThrownBy(() -> j.recordSignedTasks(List.of(new SignedTask(task(2, T0, T0 + 60_000), "zz", 1, "CPU", 1,
                    T0, proof(2), null)))).isInstanceOf(IllegalArgumentException.class);
            assertThat(j.find(id(2))).isEmpty();

            j.recordFetched(task(3, T0, T0 + 60_000));
            j.recordFetched(task(4, T0, T0 + 60_000));
            j.recordInferred(id(4), hash(4), 1, "CPU", 1, T0);
            assertThat(j.failUnsigned("stopped before signing", T0 + 9)).isEqualTo(2);
            assertThat(j.find(id(3)).orElseThrow().state()).isEqualTo(TaskState.FAILED);
            assertThat(j.find(id(4)).orElseThrow().failureReason()).isEqualTo("stopped before signing");
            assertThat(j.find(id(1)).orElseThrow().state()).as("a signed proof stays to be resent").isEqualTo(TaskState.SIGNED);
        }
    }

    @Test
    void recordsFailuresWithTheirReason() {
        try (ProofJournal j = open()) {
            j.recordFetched(task(1, T0, T0 + 60_000));
            assertThat(j.markFailed(id(1), "inference failed: out of memory", T0 + 5)).isTrue();
            JournalEntry e = j.find(id(1)).orElseThrow();
            assertThat(e.state()).isEqualTo(TaskState.FAILED);
            assertThat(e.failureReason()).isEqualTo("inference failed: out of memory");
            assertThat(e.settledAtMs()).isEqualTo(T0 + 5);
            assertThatThrownBy(() -> j.recordInferred(id(1), hash(1), 1, "CPU", 1, T0)).hasMessageContaining("it is FAILED");
        }
    }

    @Test
    void countsFatesSinceATime() {
        try (ProofJournal j = open()) {
            answered(j, 1, T0, true, false);
            answered(j, 2, T0 + HOUR, true, true);
            answered(j, 3, T0 + 2 * HOUR, false, true);
            answered(j, 4, T0 + 3 * HOUR, false, false);
            signed(j, 5, T0 + 4 * HOUR, T0 + 4 * HOUR + 10);
            j.markExpired(id(5), T0 + 4 * HOUR + 10);
            j.recordFetched(task(6, T0 + 5 * HOUR, T0 + 6 * HOUR));
            j.markFailed(id(6), "boom", T0 + 5 * HOUR);
            j.recordFetched(task(7, T0 + 6 * HOUR, T0 + 7 * HOUR)); // in flight

            Counters all = j.counters(0);
            assertThat(all).isEqualTo(new Counters(7, 2, 2, 2, 1, 1));
            assertThat(all.passRate()).hasValue(0.5);
            assertThat(all.inFlight()).isEqualTo(1);
            Counters later = j.counters(T0 + HOUR);
            assertThat(later).isEqualTo(new Counters(6, 1, 2, 2, 1, 1));
            assertThat(later.passRate().getAsDouble()).isEqualTo(1.0 / 3);
            assertThat(j.counters(T0 + 10 * HOUR)).isEqualTo(Counters.ZERO);
            assertThat(j.counters(T0 + 10 * HOUR).passRate()).isEmpty();

            Totals day = j.totalsForDay(T0Day());
            assertThat(day.counters()).isEqualTo(all);
            assertThat(day.executionMsTotal()).isEqualTo((12 + 1) + (12 + 2) + (12 + 3) + (12 + 4) + (12 + 5));
            assertThat(day.flopsTotal()).isEqualTo(1_000_001L + 1_000_002L);
            assertThat(j.totalsForDay(T0Day().minusDays(1)).counters()).isEqualTo(Counters.ZERO);
        }
    }

    @Test
    void historyBucketsCountAcceptedProofsAndKeepTheLastScore() {
        try (ProofJournal j = open()) {
            answered(j, 1, T0 + 10, true, false);
            answered(j, 2, T0 + 20, true, false);
            answered(j, 3, T0 + HOUR + 5, false, true);
            answered(j, 4, T0 + 3 * HOUR - 1, true, false);
            answered(j, 5, T0 + 3 * HOUR, true, false); // outside [T0, T0+3h)
            j.recordStanding(standing(T0 + 100, 10));
            j.recordStanding(standing(T0 + 200, 20));
            j.recordStanding(standing(T0 + 2 * HOUR + 7, 30));

            List<TimeBucket> h = j.history(T0, T0 + 3 * HOUR, Duration.ofHours(1));
            assertThat(h).containsExactly(
                    new TimeBucket(T0, T0 + HOUR, 2, 0, BigInteger.valueOf(20)),
                    new TimeBucket(T0 + HOUR, T0 + 2 * HOUR, 0, 1, null),
                    new TimeBucket(T0 + 2 * HOUR, T0 + 3 * HOUR, 1, 0, BigInteger.valueOf(30)));
            // a last, partial bucket ends at toMs
            List<TimeBucket> partial = j.history(T0, T0 + 90 * 60_000L, Duration.ofHours(1));
            assertThat(partial).hasSize(2);
            assertThat(partial.get(1).endMs()).isEqualTo(T0 + 90 * 60_000L);
            assertThat(partial.get(1).rejected()).isEqualTo(1);
            assertThatThrownBy(() -> j.history(T0, T0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> j.history(0, T0, Duration.ofMillis(1))).hasMessageContaining("too many buckets");
        }
    }

    @Test
    void compactionKeepsDailyTotalsAndDeletesOldDetail() {
        long now = T0 + 60 * DAY + 15 * HOUR;
        long cutoff = DetailCompactor.cutoff(now);
        assertThat(cutoff).isEqualTo(T0 + 30 * DAY);
        try (ProofJournal j = open()) {
            int n = 0;
            for (int day = 0; day < 40; day += 3) {
                long base = T0 + day * DAY;
                answered(j, ++n, base + HOUR, true, day % 2 == 0);
                answered(j, ++n, base + 5 * HOUR, day % 5 != 0, true);
                signed(j, ++n, base + 6 * HOUR, base + 6 * HOUR + 1000);
                j.markExpired(id(n), base + 6 * HOUR + 1000);
                j.recordFetched(task(++n, base + 23 * HOUR, base + 24 * HOUR));
                j.markFailed(id(n), "boom", base + 23 * HOUR);
                j.recordStanding(standing(base + 2 * HOUR, 100 + day));
                j.recordStanding(standing(base + 20 * HOUR, 200 + day));
                j.recordEvent("paused", "day " + day, base + 3 * HOUR);
            }
            answered(j, ++n, now - HOUR, true, false); // recent: stays in detail with its proof bytes
            int recent = n;
            answered(j, ++n, now - 3 * DAY, true, false); // within 30 days, settled 3 days ago: proof bytes dropped
            int threeDaysOld = n;
            Counters allBefore = j.counters(0);
            List<Totals> before = dailyTotals(j);
            List<TimeBucket> historyBefore = j.history(T0, now, Duration.ofDays(1));

            int rolled = j.compact(now);

            assertThat(rolled).isEqualTo(10 * 4); // days 0, 3, .., 27 are before the cutoff
            assertThat(dailyTotals(j)).isEqualTo(before);
            assertThat(j.counters(0)).isEqualTo(allBefore);
            assertThat(j.history(T0, now, Duration.ofDays(1))).isEqualTo(historyBefore);
            assertThat(j.find(id(1))).isEmpty();
            assertThat(j.find(id(recent)).orElseThrow().proofBytes()).isEqualTo(proof(recent));
            assertThat(j.find(id(threeDaysOld)).orElseThrow().proofBytes()).isNull();
            assertThat(j.recent(1000)).allSatisfy(e -> assertThat(e.task().fetchedAtMs()).isGreaterThanOrEqualTo(cutoff));
            assertThat(j.events(0)).allSatisfy(e -> assertThat(e.atMs()).isGreaterThanOrEqualTo(cutoff)).hasSize(4);
            assertThat(j.lastStanding().orElseThrow().inferenceScore()).isEqualTo(BigInteger.valueOf(239));

            // a second run changes nothing; a late row for an aggregated day is added to that day's totals
            assertThat(j.compact(now)).isZero();
            assertThat(dailyTotals(j)).isEqualTo(before);
            answered(j, ++n, T0 + 3 * DAY + 7 * HOUR, true, false);
            Totals day3 = j.totalsForDay(T0Day().plusDays(3));
            assertThat(j.compact(now)).isEqualTo(1);
            assertThat(j.totalsForDay(T0Day().plusDays(3))).isEqualTo(day3);
            assertThat(day3.counters().accepted()).isEqualTo(before.get(3).counters().accepted() + 1);
        }
    }

    @Test
    void compactionExpiresForgottenOldTasksBeforeRollingThem() {
        try (ProofJournal j = open()) {
            signed(j, 1, T0, T0 + 1000);
            j.beginSubmitAttempt(id(1));
            j.recordFetched(task(2, T0 + HOUR, T0 + 2 * HOUR));
            assertThat(j.compact(T0 + 40 * DAY)).isEqualTo(2);
            assertThat(j.find(id(1))).isEmpty();
            assertThat(j.totalsForDay(T0Day()).counters()).isEqualTo(new Counters(2, 0, 0, 0, 2, 0));
        }
    }

    @Test
    void compactionOfAJournalWithOnlyOldStandingsKeepsTheNewest() {
        try (ProofJournal j = open()) {
            j.recordStanding(standing(T0, 1));
            j.recordStanding(standing(T0 + HOUR, 2));
            j.compact(T0 + 100 * DAY);
            assertThat(j.lastStanding().orElseThrow().inferenceScore()).isEqualTo(BigInteger.TWO);
            assertThat(j.history(T0, T0 + DAY, Duration.ofDays(1)).get(0).lastInferenceScore()).isEqualTo(BigInteger.TWO);
        }
    }

    @Test
    void theFileAndItsFolderAreOwnerOnly() throws Exception {
        Path file = dir.resolve("fresh/sub/journal.db");
        try (ProofJournal j = ProofJournal.open(file)) {
            signed(j, 1, T0, T0 + 1000);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh/sub/journal.db-wal"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh/sub"))))
                    .isEqualTo("rwx------");
            assertThat(j.file()).isEqualTo(file.toAbsolutePath());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(scalar(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(s, "SELECT max(version) FROM schema_version")).isEqualTo(String.valueOf(JournalSchema.CURRENT));
            assertThat(scalar(s, "PRAGMA auto_vacuum")).isEqualTo("2");
        }
    }

    @Test
    void refusesAJournalFromANewerAppAndAFileThatIsNotOne() throws Exception {
        Path file = dir.resolve("journal.db");
        ProofJournal.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (99, 0)");
        }
        assertThatThrownBy(() -> ProofJournal.open(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("newer version").hasMessageContaining(file.toString())
                .extracting(t -> ((JournalException) t).reason()).isEqualTo(JournalException.Reason.NEWER_SCHEMA);

        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database, just text that happens to be long enough ".repeat(40));
        assertThatThrownBy(() -> ProofJournal.open(junk)).isInstanceOf(JournalException.class)
                .hasMessageContaining("move it aside")
                .extracting(t -> ((JournalException) t).reason()).isEqualTo(JournalException.Reason.DAMAGED);
    }

    @Test
    void aClosedJournalSaysSo() {
        ProofJournal j = open();
        j.close();
        j.close();
        assertThatThrownBy(() -> j.counters(0)).isInstanceOf(JournalException.class).hasMessageContaining("closed");
    }

    static StandingRecord standing(long at, long score) {
        return new StandingRecord(at, BigInteger.valueOf(score), BigInteger.TEN.pow(21), 5000, score, true, false);
    }

    static java.time.LocalDate T0Day() {
        return Instant.ofEpochMilli(T0).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Totals> dailyTotals(ProofJournal j) {
        return java.util.stream.IntStream.range(0, 62).mapToObj(d -> j.totalsForDay(T0Day().plusDays(d))).toList();
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
