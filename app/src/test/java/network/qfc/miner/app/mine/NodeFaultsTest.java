package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import network.qfc.miner.app.faults.FaultyNode;
import network.qfc.miner.app.faults.FaultyNode.Fault;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * One real miner (MinerRuntime, real qfc-embed-small, real SQLite journal) mining against real devnets through a
 * {@link FaultyNode}; each test injects one fault and checks: no crash, no proof accepted twice, every proof in the
 * journal with a fate, a clear status, and mining resumes by itself. The miner keeps running from test to test, as a
 * miner on a flaky network would; {@link #afterAll()} stops it and checks the journal as a whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeFaultsTest {
    private static final String FETCH = "qfc_getInferenceTask";
    private static final String SUBMIT = "qfc_submitInferenceProof";
    private static final String STATUS = "qfc_reportMinerStatus";
    private static final String STANDING = "qfc_getValidators";

    private final List<DevnetNode> nodes = new ArrayList<>();
    private final List<DevnetEvent.ProofAnswered> answers = new CopyOnWriteArrayList<>();
    private final List<MinerEvent> events = new CopyOnWriteArrayList<>();
    /** Tasks whose answer the proxy lost on purpose: resent, so a node without de-duplication credits them twice. */
    private final java.util.Set<String> resentAfterLostAnswer = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private FaultyNode proxy;
    private MinerRuntime runtime;
    private Path data;

    @BeforeAll
    void startMiner() throws Exception {
        DevnetNode node = devnet(Devnets.open());
        proxy = new FaultyNode(node.url());
        data = Devnets.dataDir("faults");
        runtime = new MinerRuntime(Devnets.settings(proxy.url(), data));
        runtime.events().subscribe("test", 100_000, events::add);
        runtime.start().orTimeout(120, TimeUnit.SECONDS).join();
        awaitAccepted(events.size(), 2);
    }

    private DevnetNode devnet(DevnetConfig config) {
        DevnetNode n = Devnets.start(config.withSpotCheckRate(OptionalDouble.of(0.0)));
        n.addListener(e -> {
            if (e instanceof DevnetEvent.ProofAnswered a) {
                answers.add(a);
            }
        });
        nodes.add(n);
        return n;
    }

    @AfterAll
    void afterAll() throws Exception {
        try {
            if (runtime != null) {
                runtime.stop().get(90, TimeUnit.SECONDS);
                try (ProofJournal j = JournalShelf.openLastUsed(data)) {
                    List<JournalEntry> rows = j.recent(100_000);
                    assertThat(rows).as("every proof in the journal with its final fate").isNotEmpty()
                            .allSatisfy(e -> assertThat(e.state().isTerminal()).as(e.taskId() + " " + e.state()).isTrue());
                }
                assertThat(acceptedTwice()).as("no proof accepted twice by any node").isEmpty();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            nodes.forEach(DevnetNode::close);
        }
    }

    // ---- faults of the transport and of the answers ----

    @Test
    @Order(1)
    void refusedConnections() {
        proxy.refuseMs(2_500);
        survive(Fault.REFUSE, FETCH, SUBMIT);
    }

    @Test
    @Order(2)
    void http500() {
        survive(Fault.HTTP_500, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(3)
    void http502() {
        survive(Fault.HTTP_502, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(4)
    void garbageBody() {
        survive(Fault.GARBAGE, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(5)
    void truncatedJson() {
        survive(Fault.TRUNCATED_JSON, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(6)
    void hugeBody() {
        survive(Fault.HUGE_BODY, FETCH, SUBMIT, STANDING);
    }

    @Test
    @Order(7)
    void wrongShapes() {
        survive(Fault.WRONG_SHAPE, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(8)
    void methodNotFound() {
        survive(Fault.METHOD_NOT_FOUND, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(9)
    void connectionDroppedMidResponse() {
        survive(Fault.DROP_MID_RESPONSE, FETCH, SUBMIT, STATUS, STANDING);
    }

    @Test
    @Order(10)
    void acceptAndHangUntilTheReadTimeout() {
        proxy.hangMs(17_000); // past the client's 15 s read timeout
        survive(Fault.HANG, FETCH, SUBMIT);
    }

    @Test
    @Order(11)
    void aTaskInputOver64KiBIsRefusedNotRun() {
        int mark = events.size();
        survive(Fault.OVERSIZED_INPUT, FETCH);
        // the oversized answer may sit in the fetch-ahead queue while proofs of earlier tasks are answered: wait for it
        await("the miner said why it refused the task", () -> since(mark, MinerEvent.Error.class).stream()
                .anyMatch(e -> e.message().contains("64 KiB")), 60);
        assertThat(since(mark, MinerEvent.Error.class)).as("said why, and not as a fatal error")
                .filteredOn(e -> e.message().contains("64 KiB")).allMatch(e -> !e.fatal());
        assertThat(since(mark, MinerEvent.TaskReceived.class))
                .allSatisfy(t -> assertThat(t.inputBytes()).isLessThanOrEqualTo(64 * 1024));
    }

    /** The submission reaches the node, its answer is lost: the miner resends the SAME bytes; the journal has one fate. */
    @Test
    @Order(12)
    void aSubmissionWhoseAnswerIsLostIsResentWithTheSameBytes() {
        int mark = events.size();
        proxy.inject(SUBMIT, Fault.ANSWER_LOST, 1);
        awaitServed();
        awaitAccepted(mark, 2);
        List<FaultyNode.Injection> served = proxy.injections();
        String lost = served.get(served.size() - 1).taskId();
        await("the lost one resent and answered", () -> proxy.forwardedProofs(lost).size() >= 2
                && since(mark, MinerEvent.ProofResult.class).stream().anyMatch(r -> r.taskId().equals(lost)), 30);
        resentAfterLostAnswer.add(lost);
        List<String> sent = proxy.forwardedProofs(lost);
        assertThat(sent).as("sent once, answer lost, resent once").hasSize(2);
        assertThat(sent.get(1)).as("the same signed bytes").isEqualTo(sent.get(0));
        assertThat(currentNode().state().submissionsFor(lost)).isEqualTo(2);
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            JournalEntry e = j.find(lost).orElseThrow();
            assertThat(e.isAnswered()).isTrue();
            assertThat(e.attempts()).isEqualTo(2);
        }
        assertThat(since(mark, MinerEvent.ProofResult.class).stream().filter(r -> r.taskId().equals(lost)))
                .as("the miner took one answer for it").hasSize(1);
        // The devnet, like the v2.0 node, does not de-duplicate by task id: it credits the resent proof again. A miner
        // cannot tell a lost answer from a lost request, so only the node can count it once (reported).
        assertThat(List.copyOf(answers).stream().filter(a -> a.taskId().equals(lost) && a.accepted()).count())
                .as("the devnet's credits for the resent proof").isEqualTo(2);
    }

    // ---- the node's state ----

    @Test
    @Order(20)
    void theNodeRestartsAndForgetsTheMiner() {
        int mark = events.size();
        DevnetNode fresh = devnet(Devnets.open());
        proxy.retarget(fresh.url());
        awaitAccepted(mark, 3);
        assertThat(since(mark, MinerEvent.Registered.class)).as("registered again by itself")
                .anyMatch(MinerEvent.Registered::registered);
        assertThat(fresh.state().validators()).hasSize(1);
        assertStillRunning();
    }

    /**
     * Measured: after a restart, every proof until the re-registration (rate-limited to once per 10 s in Registrar)
     * is refused "Unknown validator" and final; the loop keeps fetching and inferring meanwhile (1405 such refusals
     * in one run of this class against a fast devnet).
     */
    @Test
    @Order(23)
    void afterANodeRestartProofsWaitForTheReRegistrationInsteadOfBeingRefused() {
        int mark = events.size();
        int answersMark = answers.size();
        DevnetNode fresh = devnet(Devnets.open());
        proxy.retarget(fresh.url());
        awaitAccepted(mark, 3);
        assertThat(since(mark, MinerEvent.ProofResult.class)).filteredOn(r -> r.message().contains("Unknown validator"))
                .as("proofs refused because the node had forgotten the miner").hasSizeLessThanOrEqualTo(5);
        List<String> refused = List.copyOf(answers).subList(answersMark, answers.size()).stream()
                .filter(a -> !a.accepted() && a.message().contains("Unknown validator"))
                .map(DevnetEvent.ProofAnswered::taskId).distinct().toList();
        for (String id : refused) {
            await("the proof refused 'Unknown validator' resent after re-registering and accepted: " + id,
                    () -> answers.stream().anyMatch(a -> a.taskId().equals(id) && a.accepted()), 30);
            assertThat(proxy.forwardedProofs(id)).as("the same bytes resent").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(hex -> assertThat(hex).isEqualTo(proxy.forwardedProofs(id).get(0)));
        }
    }

    /** An answer to a submission that cannot be read (cut JSON): its fate is unknown, so the same bytes go again. */
    @Test
    @Order(13)
    void aSubmissionWhoseAnswerIsUnreadableIsResentWithTheSameBytes() {
        int mark = events.size();
        proxy.inject(SUBMIT, Fault.TRUNCATED_JSON, 1);
        awaitServed();
        List<FaultyNode.Injection> served = proxy.injections();
        String cut = served.get(served.size() - 1).taskId();
        await("the proof with the unreadable answer resent and accepted", () -> since(mark, MinerEvent.ProofResult.class)
                .stream().anyMatch(r -> r.taskId().equals(cut) && r.accepted()), 60);
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            JournalEntry e = j.find(cut).orElseThrow();
            assertThat(e.accepted()).isTrue();
            assertThat(e.attempts()).as("sent, answer unreadable, sent again").isEqualTo(2);
        }
        assertThat(proxy.forwardedProofs(cut)).as("the cut answer never came from the node: it got the proof once")
                .hasSize(1);
    }

    /**
     * The node accepts a proof only within one epoch of its own; a proof whose sends keep failing is dropped once the
     * node's epoch (qfc_getEpoch) is past that window, before its task's deadline, not retried until the deadline.
     */
    @Test
    @Order(24)
    void retriesStopOnceTheNodesEpochIsPastTheProofsWindow() {
        // the epoch rule is a v2.0 (layout A) node's: the miner negotiates that layout again on this node
        DevnetNode fast = devnet(Devnets.open().withEmulation(network.qfc.miner.devnet.NodeEmulation.classic())
                .withEpochMs(2_000).withTaskDeadlineMs(60_000));
        int before = events.size();
        proxy.retarget(fast.url());
        await("layout A negotiated on the v2.0 node", () -> since(before, MinerEvent.ProofLayoutChosen.class).stream()
                .anyMatch(l -> l.layout().equals("A")), 90);
        awaitAccepted(events.size(), 1);
        int mark = events.size();
        proxy.inject(SUBMIT, Fault.HTTP_502, 10_000);
        try {
            await("a proof dropped because the node's epoch moved past it", () -> since(mark, MinerEvent.ProofDropped.class)
                    .stream().anyMatch(d -> d.reason().contains("epoch")), 60);
        } finally {
            proxy.clear();
        }
        MinerEvent.ProofDropped dropped = since(mark, MinerEvent.ProofDropped.class).stream()
                .filter(d -> d.reason().contains("epoch")).findFirst().orElseThrow();
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            JournalEntry e = j.find(dropped.taskId()).orElseThrow();
            assertThat(e.state()).isEqualTo(network.qfc.miner.core.journal.TaskState.EXPIRED);
            assertThat(e.settledAtMs()).as("dropped well before its deadline").isLessThan(e.task().deadlineMs() - 5_000);
        }
        awaitAccepted(events.size(), 2);
        assertStillRunning();
    }

    @Test
    @Order(21)
    void theNodesClockIsOneEpochAhead() {
        nodeWithClockOffset(Duration.ofSeconds(2));
    }

    @Test
    @Order(22)
    void theNodesClockIsOneEpochBehind() {
        nodeWithClockOffset(Duration.ofSeconds(-2));
    }

    private void nodeWithClockOffset(Duration offset) {
        int mark = events.size();
        DevnetNode skewed = devnet(Devnets.open().withEpochMs(2_000).withTaskDeadlineMs(5_000)
                .withClock(Clock.offset(Clock.systemUTC(), offset)));
        proxy.retarget(skewed.url());
        awaitAccepted(mark, 3);
        assertThat(since(mark, MinerEvent.ProofResult.class)).filteredOn(MinerEvent.ProofResult::accepted)
                .allSatisfy(r -> assertThat(r.message()).doesNotContain("Epoch mismatch"));
        assertStillRunning();
    }

    // ---- helpers ----

    /** Injects {@code fault} once on each method, waits until each was served, then for mining to go on. */
    private void survive(Fault fault, String... methods) {
        int mark = events.size();
        int before = proxy.injected(fault);
        for (String m : methods) {
            proxy.inject(m, fault, 1);
        }
        awaitServed();
        assertThat(proxy.injected(fault) - before).isEqualTo(methods.length);
        awaitAccepted(events.size(), 2);
        assertStillRunning();
        assertThat(acceptedTwice()).as("no proof accepted twice").isEmpty();
        if (List.of(methods).contains(FETCH) || List.of(methods).contains(SUBMIT)) {
            // a faulty answer to a task fetched ahead is met when the loop reaches it, maybe after other answers
            await("a clear status for " + fault, () -> !saidSince(mark).isEmpty(), 60);
        }
        List<String> said = saidSince(mark);
        assertThat(said).allSatisfy(s -> {
            assertThat(s).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    /** What the miner told its user since {@code mark}: unreachable reasons, errors (none fatal), refusals. */
    private List<String> saidSince(int mark) {
        List<MinerEvent> all = List.copyOf(events);
        List<String> said = new ArrayList<>();
        for (MinerEvent e : all.subList(mark, all.size())) {
            if (e instanceof MinerEvent.NodeUnreachable u) {
                said.add(u.reason());
            } else if (e instanceof MinerEvent.Error er) {
                assertThat(er.fatal()).as(er.message()).isFalse();
                said.add(er.message());
            } else if (e instanceof MinerEvent.ProofResult r && !r.accepted()) {
                said.add(r.message());
            }
        }
        return said;
    }

    private Map<String, Long> acceptedTwice() {
        Map<String, Long> n = new HashMap<>();
        for (DevnetEvent.ProofAnswered a : answers) {
            if (a.accepted()) {
                n.merge(a.taskId(), 1L, Long::sum);
            }
        }
        n.values().removeIf(c -> c < 2);
        n.keySet().removeAll(resentAfterLostAnswer);
        return n;
    }

    private DevnetNode currentNode() {
        return nodes.get(nodes.size() - 1);
    }

    private void assertStillRunning() {
        assertThat(runtime.stopped()).as("the miner did not stop").isNotDone();
        await("the miner says it is running", () -> runtime.snapshot().state() == MinerState.RUNNING, 30);
    }

    private void awaitServed() {
        await("every injected fault was served", () -> proxy.queuedFaults() == 0, 60);
    }

    private void awaitAccepted(int mark, int n) {
        await(n + " more proofs accepted", () -> since(mark, MinerEvent.ProofResult.class).stream()
                .filter(MinerEvent.ProofResult::accepted).count() >= n, 90);
    }

    private <T extends MinerEvent> List<T> since(int mark, Class<T> type) {
        List<MinerEvent> all = List.copyOf(events);
        return all.subList(mark, all.size()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static void await(String what, BooleanSupplier condition, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
