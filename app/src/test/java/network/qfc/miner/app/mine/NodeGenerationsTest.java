package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import network.qfc.miner.app.faults.FaultyNode;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.mining.ProofSubmitter;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.NodeGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import network.qfc.miner.devnet.mining.MinerRun;
import network.qfc.miner.devnet.mining.FlakyProxy;

/**
 * The miner against each node generation the devnet emulates (real devnet on loopback, real model, real SQLite):
 * layout negotiation, the A epoch trap, the C time rule, a node that forgets registrations, tasks it cannot run, a
 * clock that is off, a lost answer, a standalone key.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NodeGenerationsTest {

    /** Every proof the devnet answered. */
    private static List<DevnetEvent.ProofAnswered> answers(DevnetNode node) {
        List<DevnetEvent.ProofAnswered> out = new CopyOnWriteArrayList<>();
        node.addListener(e -> {
            if (e instanceof DevnetEvent.ProofAnswered a) {
                out.add(a);
            }
        });
        return out;
    }

    private static Map<String, Long> sendsPerTask(List<String> taskIds) {
        return taskIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @ParameterizedTest
    @EnumSource(NodeGeneration.class)
    void eachGenerationTakesEveryProofAfterOneNegotiationAndTheLayoutSurvivesARestart(NodeGeneration g)
            throws Exception {
        try (DevnetNode node = Devnets.start(Devnets.open().withGeneration(g));
             FlakyProxy proxy = new FlakyProxy(node.url())) {
            List<DevnetEvent.ProofAnswered> answers = answers(node);
            Path data = Devnets.dataDir("gen-" + g.cliName());
            MinerRun run = MinerRun.start(Devnets.settings(proxy.url(), data).withLimits(6, null));
            run.awaitStopped();

            assertThat(run.of(MinerEvent.ProofResult.class)).hasSize(6)
                    .allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            // refusals seen by the node: only while the first proof negotiated (layout, then the A epoch trap)
            List<DevnetEvent.ProofAnswered> refused = answers.stream().filter(a -> !a.accepted()).toList();
            assertThat(refused).as("refused for epoch only while negotiating").hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(a -> assertThat(a.message()).contains("Epoch mismatch"));
            Map<String, Long> sends = sendsPerTask(proxy.forwardedSubmissions());
            long negotiating = sends.values().stream().filter(n -> n > 1).count();
            assertThat(negotiating).as("only the first proof is sent more than once").isLessThanOrEqualTo(1);
            long steps = 2 - g.layout().ordinal() + (g.checksEpoch() ? 1 : 0); // C->B->A, then a new epoch
            assertThat(sends.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1 + steps));
            assertThat(run.of(MinerEvent.ProofLayoutChosen.class)).singleElement()
                    .satisfies(l -> assertThat(l.layout()).isEqualTo(g.layout().name()));
            assertThat(run.runtime().snapshot().node().proofLayout()).isEqualTo(g.layout().name());
            try (ProofJournal j = JournalShelf.openLastUsed(data)) {
                assertThat(j.nodeLayout("http://127.0.0.1:" + java.net.URI.create(proxy.url()).getPort())).hasValue(g.layout().name());
                for (JournalEntry e : j.recent(100)) {
                    assertThat(j.proofLayout(e.taskId())).as("each proof's layout is journaled").hasValue(g.layout().name());
                    assertThat(e.accepted()).isTrue();
                }
            }

            // a restart of the miner: the layout comes from the journal, every proof goes once
            int before = proxy.forwardedSubmissions().size();
            MinerRun second = MinerRun.start(Devnets.settings(proxy.url(), data).withLimits(3, null));
            second.awaitStopped();
            assertThat(second.of(MinerEvent.ProofLayoutChosen.class)).first()
                    .satisfies(l -> assertThat(l.how()).startsWith("remembered"));
            List<String> after = proxy.forwardedSubmissions().subList(before, proxy.forwardedSubmissions().size());
            assertThat(after).as("no negotiation after a restart").doesNotHaveDuplicates().hasSize(3);
            assertThat(second.of(MinerEvent.ProofResult.class)).hasSize(3)
                    .allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
        }
    }

    @Test
    void latestForgettingRegistrationsAndHandingOutTasksItCannotRunLosesNothing() throws Exception {
        // a standalone key (not admitted as a validator): the node knows it only from its registry, which it forgets
        DevnetConfig config = Devnets.open().withOpenMode(false).withGeneration(NodeGeneration.LATEST)
                .withForgetRegistrationsEvery(4)
                .withSpeechRate(0.05).withLlmRate(0.05).withRefuseDuplicates(true);
        try (DevnetNode node = Devnets.start(config)) {
            List<DevnetEvent.ProofAnswered> answers = answers(node);
            Path data = Devnets.dataDir("latest-forgetful");
            MinerRun run = MinerRun.start(Devnets.settings(node.url().toString(), data).withLimits(0, null));
            run.await("20 proofs accepted and 2 tasks skipped", () ->
                    run.of(MinerEvent.ProofResult.class).size() >= 20 && run.of(MinerEvent.TaskSkipped.class).size() >= 2,
                    Duration.ofSeconds(240));
            run.stop();

            List<MinerEvent.ProofResult> results = run.of(MinerEvent.ProofResult.class);
            assertThat(results).allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            assertThat(answers).filteredOn(a -> a.message().startsWith("Unknown miner"))
                    .as("the node forgot the miner (and was told again)").isNotEmpty();
            assertThat(run.of(MinerEvent.Registered.class).size()).as("registered again after each forgetting")
                    .isGreaterThan(1);
            Map<String, Long> credited = answers.stream().filter(DevnetEvent.ProofAnswered::accepted)
                    .collect(Collectors.groupingBy(DevnetEvent.ProofAnswered::taskId, Collectors.counting()));
            assertThat(credited.values()).as("each proof credited once").allSatisfy(n -> assertThat(n).isEqualTo(1));
            assertThat(node.proofsForUnrunnableTasks()).as("no proof for a skipped task").isZero();

            List<JournalEntry> rows = MinerRun.journal(data);
            assertThat(rows).as("none lost").allSatisfy(e -> assertThat(e.state().isTerminal() || e.state() == TaskState.SIGNED
                    || e.state() == TaskState.SUBMITTING).as(e.taskId() + " " + e.state()).isTrue());
            List<JournalEntry> skipped = rows.stream().filter(e -> e.state() == TaskState.SKIPPED).toList();
            // (a task fetched ahead when the miner stops is journaled, not shown)
            assertThat(skipped).hasSizeGreaterThanOrEqualTo(run.of(MinerEvent.TaskSkipped.class).size()).allSatisfy(e -> {
                assertThat(e.failureReason()).startsWith("this miner does not run qfc-");
                assertThat(e.attempts()).isZero();
                assertThat(e.proofBytes()).isNull();
            });
            assertThat(run.of(MinerEvent.TaskSkipped.class)).allSatisfy(k ->
                    assertThat(k.reason()).matches("this miner does not run qfc-(whisper-base|llm-0\\.5b) yet.*"));
            assertThat(rows).filteredOn(e -> e.state() == TaskState.FAILED).as("failed only as fetched ahead at the stop")
                    .allSatisfy(e -> assertThat(e.failureReason()).isEqualTo("the miner stopped before running it"));
            assertThat(run.runtime().snapshot().counters().rejected()).isZero();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {30, -200})
    void aNodeClockThatIsOffIsSaidPlainlyAndCorrectedFor(long offsetSeconds) throws Exception {
        DevnetConfig config = Devnets.open().withGeneration(NodeGeneration.LATEST).withClockOffsetSeconds(offsetSeconds);
        try (DevnetNode node = Devnets.start(config)) {
            Path data = Devnets.dataDir("clock" + offsetSeconds);
            MinerRun run = MinerRun.start(Devnets.settings(node.url().toString(), data).withLimits(5, null));
            run.awaitStopped();

            String side = offsetSeconds > 0 ? "behind" : "ahead of";
            assertThat(run.of(MinerEvent.ClockSkew.class)).anySatisfy(c -> assertThat(c.warning())
                    .startsWith("your clock is " + Math.abs(offsetSeconds) + " s " + side
                            + " the node's: proofs would be refused; turn on automatic time"));
            assertThat(run.runtime().snapshot().node().clockWarning()).contains(Math.abs(offsetSeconds) + " s " + side);
            assertThat(run.of(MinerEvent.ProofResult.class)).hasSize(5)
                    .allSatisfy(r -> assertThat(r.accepted()).as("stamped with the node's time: " + r.message()).isTrue());
            assertThat(run.of(MinerEvent.ProofDropped.class)).as("deadlines read on the node's clock").isEmpty();
        }
    }

    @Test
    void aResendRefusedAsADuplicateAfterALostAnswerCountsAsAccepted() throws Exception {
        DevnetConfig config = Devnets.open().withGeneration(NodeGeneration.LATEST).withRefuseDuplicates(true);
        try (DevnetNode node = Devnets.start(config); FaultyNode proxy = new FaultyNode(node.url())) {
            Path data = Devnets.dataDir("lost-answer");
            proxy.inject("qfc_submitInferenceProof", FaultyNode.Fault.ANSWER_LOST, 2);
            MinerRun run = MinerRun.start(Devnets.settings(proxy.url(), data).withLimits(6, null));
            run.awaitStopped();

            List<MinerEvent.ProofResult> results = run.of(MinerEvent.ProofResult.class);
            assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            assertThat(results).filteredOn(r -> r.message().startsWith(ProofSubmitter.LOST_ANSWER))
                    .as("the node already had them; their first answers were lost").hasSize(2)
                    .allSatisfy(r -> assertThat(r.message()).contains("duplicate"));
            assertThat(run.runtime().snapshot().counters().rejected()).as("the pass rate does not drop").isZero();
            assertThat(MinerRun.journal(data)).allSatisfy(e -> assertThat(e.accepted()).isTrue());
        }
    }

    @Test
    void aStandaloneMinerKeyMinesOnTheLatestNodeWithoutARegistrationLoop() throws Exception {
        DevnetConfig config = Devnets.open().withOpenMode(false).withGeneration(NodeGeneration.LATEST);
        try (DevnetNode node = Devnets.start(config)) {
            Path data = Devnets.dataDir("standalone");
            MinerRun run = MinerRun.start(Devnets.settings(node.url().toString(), data).withLimits(0, null));
            run.await("8 proofs and the miner known as standalone", () ->
                    run.of(MinerEvent.ProofResult.class).size() >= 8 && run.runtime().snapshot().node().standalone(),
                    Duration.ofSeconds(120));
            Thread.sleep(3_000); // status reports every second, standing every 0.3 s: a loop would show now
            run.stop();

            assertThat(node.state().validators()).as("not a validator").isEmpty();
            assertThat(run.of(MinerEvent.ProofResult.class)).allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            assertThat(run.of(MinerEvent.Registered.class)).as("registered once, and once more to check")
                    .hasSizeLessThanOrEqualTo(2).allSatisfy(r -> assertThat(r.registered()).isTrue());
            assertThat(run.of(MinerEvent.Error.class)).as("no alarm").isEmpty();
        }
    }
}
