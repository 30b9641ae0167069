package network.qfc.miner.devnet.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.mining.OutputTamper;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.chain.ValidatorStanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The miner end to end with real parts only: the devnet on loopback (re-executing spot checks with the real
 * qfc-embed-small), the real engine, a real SQLite journal, and a real misbehaving HTTP server where a fault is needed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MiningEndToEndTest {

    private static MinerRun start(MinerSettings settings) {
        return MinerRun.start(settings);
    }

    private static void awaitStopped(MinerRun run) throws Exception {
        run.awaitStopped();
    }

    private static List<JournalEntry> journal(Path data) {
        return MinerRun.journal(data);
    }

    private static ValidatorStanding standing(DevnetNode node, MinerSnapshot snapshot) {
        return node.standing(Address.parse(snapshot.address())).orElseThrow();
    }

    @Test
    void minesProofsTheDevnetAcceptsAfterReExecutingEveryOne() throws Exception {
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open().withSpotCheckRate(OptionalDouble.of(1.0)))) {
            Path data = MiningDevnets.dataDir("accepted");
            MinerRun run = start(MiningDevnets.settings(node.url().toString(), data).withLimits(5, null));
            awaitStopped(run);

            List<MinerEvent.ProofResult> results = run.of(MinerEvent.ProofResult.class);
            assertThat(results).hasSize(5).allSatisfy(r -> {
                assertThat(r.accepted()).as(r.message()).isTrue();
                assertThat(r.spotChecked()).as("re-executed by the devnet: hash verified bit for bit").isTrue();
            });
            assertThat(run.of(MinerEvent.Registered.class)).first().satisfies(r -> assertThat(r.registered()).isTrue());
            assertThat(run.of(MinerEvent.Stopped.class)).singleElement()
                    .satisfies(s -> assertThat(s.clean()).isTrue());
            MinerSnapshot snap = run.runtime().snapshot();
            assertThat(snap.counters().accepted()).isEqualTo(5);
            ValidatorStanding v = standing(node, snap);
            assertThat(v.tasksCompleted()).isEqualTo(5);
            assertThat(v.verificationsPassed()).isEqualTo(5);
            assertThat(v.verificationsFailed()).isZero();
            List<JournalEntry> rows = journal(data);
            assertThat(rows).hasSize(5).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(TaskState.ANSWERED);
                assertThat(e.accepted()).isTrue();
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.resultData()).as("the output vector is sent as resultData").hasSize(384 * 4);
            });
        }
    }

    @Test
    void aTamperingMinerIsCaughtSlashedJailedStopsFetchingAndResumesAfterTheJail() throws Exception {
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open().withSpotCheckRate(OptionalDouble.of(1.0)).withJailMs(3_000))) {
            Path data = MiningDevnets.dataDir("tamper");
            AtomicBoolean lied = new AtomicBoolean();
            OutputTamper once = bytes -> lied.compareAndSet(false, true) ? OutputTamper.FLIP_FIRST_BIT.apply(bytes) : bytes;
            MinerRun run = start(MiningDevnets.settings(node.url().toString(), data).withTamper(once).withLimits(10, null));
            awaitStopped(run);

            List<MinerEvent.ProofResult> results = run.of(MinerEvent.ProofResult.class);
            assertThat(results).hasSize(10);
            List<MinerEvent.ProofResult> rejected = results.stream().filter(r -> !r.accepted()).toList();
            assertThat(rejected).as("only the lie is refused").hasSize(1);
            MinerEvent.ProofResult caught = rejected.get(0);
            assertThat(caught.spotChecked()).isTrue();
            assertThat(caught.message()).containsIgnoringCase("spot-check failed");
            assertThat(results.stream().filter(MinerEvent.ProofResult::accepted).count())
                    .as("proofs signed before the jail wait for it to end, then count").isEqualTo(9);

            List<MinerEvent> ev = run.events();
            int jailed = indexOf(ev, MinerEvent.Jailed.class);
            int unjailed = indexOf(ev, MinerEvent.Unjailed.class);
            assertThat(jailed).isPositive();
            assertThat(unjailed).isGreaterThan(jailed);
            // The loop fetches 2 tasks ahead: a task it took from that queue just as the jail was learned (the
            // gate said "run" a moment before) may still start; nothing more is fetched until the jail ends.
            assertThat(ev.subList(jailed, unjailed).stream().filter(MinerEvent.TaskReceived.class::isInstance).count())
                    .as("no task fetched while jailed (at most the 2 fetched ahead before it)").isLessThanOrEqualTo(2);
            assertThat(ev.subList(jailed, unjailed)).anyMatch(e -> e instanceof MinerEvent.Paused p
                    && p.reason().startsWith("jailed"));
            assertThat(ev.subList(unjailed, ev.size())).as("fetching resumed by itself")
                    .anyMatch(MinerEvent.TaskReceived.class::isInstance);
            MinerEvent.Jailed j = (MinerEvent.Jailed) ev.get(jailed);
            assertThat(j.endsAt()).isEqualTo(caught.at().plus(Duration.ofHours(6)));

            MinerEvent.Slashed slash = run.of(MinerEvent.Slashed.class).get(0);
            assertThat(slash.afterTaskId()).isEqualTo(caught.taskId());
            ValidatorStanding v = standing(node, run.runtime().snapshot());
            assertThat(slash.amount()).isEqualTo(v.chainStakeWei().subtract(v.consensusStakeWei()));
            assertThat(slash.amount().signum()).isPositive();
            MinerSnapshot.Standing s = run.runtime().snapshot().standing();
            assertThat(s.lastSlash()).isNotNull();
            assertThat(s.lastSlash().afterTaskId()).isEqualTo(caught.taskId());
            assertThat(s.jailed()).isFalse();
            assertThat(v.slashCount()).isEqualTo(1);
        }
    }

    @Test
    void theNodeGoingAwayAndComingBackLosesAndDoublesNoProof() throws Exception {
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open());
             FlakyProxy proxy = new FlakyProxy(node.url())) {
            Path data = MiningDevnets.dataDir("away");
            MinerRun run = start(MiningDevnets.settings(proxy.url(), data).withLimits(8, null));
            while (run.of(MinerEvent.ProofResult.class).size() < 3) {
                Thread.sleep(20);
            }
            proxy.down();
            while (run.of(MinerEvent.NodeUnreachable.class).isEmpty()) {
                Thread.sleep(20);
            }
            Thread.sleep(2_500);
            proxy.up();
            awaitStopped(run);

            int lost = indexOf(run.events(), MinerEvent.NodeUnreachable.class);
            assertThat(run.events().subList(lost, run.events().size()))
                    .anyMatch(MinerEvent.NodeReachable.class::isInstance);
            List<JournalEntry> rows = journal(data);
            assertThat(rows).allSatisfy(e -> assertThat(e.state().isTerminal()).as(e.taskId() + " " + e.state()).isTrue());
            long accepted = rows.stream().filter(e -> Boolean.TRUE.equals(e.accepted())).count();
            assertThat(accepted).isGreaterThanOrEqualTo(7);
            ValidatorStanding v = standing(node, run.runtime().snapshot());
            assertThat(v.tasksCompleted()).as("the node counted each accepted proof once").isEqualTo(accepted);
            assertThat(proxy.forwardedSubmissions()).doesNotHaveDuplicates();
            assertThat(rows.stream().filter(e -> e.state() == TaskState.ANSWERED).count())
                    .isEqualTo(proxy.forwardedSubmissions().size());
        }
    }

    @Test
    void tasksPastTheirDeadlineAreDroppedNotSubmitted() throws Exception {
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open().withTaskDeadlineMs(1));
             FlakyProxy proxy = new FlakyProxy(node.url())) {
            Path data = MiningDevnets.dataDir("expired");
            MinerRun run = start(MiningDevnets.settings(proxy.url(), data).withLimits(0, Duration.ofSeconds(3)));
            awaitStopped(run);

            assertThat(run.of(MinerEvent.ProofDropped.class)).isNotEmpty();
            assertThat(proxy.calls("qfc_submitInferenceProof")).isZero();
            List<JournalEntry> rows = journal(data);
            assertThat(rows).isNotEmpty().allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(TaskState.EXPIRED);
                assertThat(e.attempts()).isZero();
            });
        }
    }

    @Test
    void theJournalSurvivesARestartAndKeepsCounting() throws Exception {
        try (DevnetNode node = MiningDevnets.start(MiningDevnets.open())) {
            Path data = MiningDevnets.dataDir("restart");
            awaitStopped(start(MiningDevnets.settings(node.url().toString(), data).withLimits(3, null)));
            List<JournalEntry> first = journal(data);
            assertThat(first).hasSize(3);
            MinerRun second = start(MiningDevnets.settings(node.url().toString(), data).withLimits(2, null));
            awaitStopped(second);
            List<JournalEntry> all = journal(data);
            assertThat(all).hasSize(5).allSatisfy(e -> assertThat(e.accepted()).isTrue());
            assertThat(all.stream().map(JournalEntry::taskId)).containsAll(first.stream().map(JournalEntry::taskId).toList());
            assertThat(second.runtime().snapshot().address()).isEqualTo(first.isEmpty() ? null
                    : second.of(MinerEvent.Registered.class).get(0).address());
            assertThat(standing(node, second.runtime().snapshot()).tasksCompleted()).isEqualTo(5);
        }
    }

    @Test
    void aRestartedNodeThatForgotTheMinerGetsItRegisteredAgainAndMiningGoesOn() throws Exception {
        DevnetNode first = MiningDevnets.start(MiningDevnets.open());
        int port = first.port();
        Path data = MiningDevnets.dataDir("forgotten");
        MinerRun run = start(MiningDevnets.settings(first.url().toString(), data).withLimits(0, null));
        try {
            while (run.of(MinerEvent.ProofResult.class).size() < 2) {
                Thread.sleep(20);
            }
            first.close();
            Thread.sleep(500);
            try (DevnetNode second = MiningDevnets.start(MiningDevnets.open().withPort(port))) {
                Address me = Address.parse(run.runtime().snapshot().address());
                while (second.standing(me).map(ValidatorStanding::tasksCompleted).orElse(0L) < 2) {
                    Thread.sleep(50);
                }
                assertThat(run.of(MinerEvent.Registered.class)).as("registered with each node").hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(r -> assertThat(r.registered()).isTrue());
                run.runtime().stop().get(60, TimeUnit.SECONDS);
            }
        } finally {
            run.runtime().stop().get(60, TimeUnit.SECONDS);
            first.close();
        }
        assertThat(journal(data)).allSatisfy(e -> assertThat(e.state().isTerminal() || e.state() == TaskState.SIGNED
                || e.state() == TaskState.SUBMITTING).isTrue());
    }

    private static int indexOf(List<MinerEvent> events, Class<? extends MinerEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
