package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import network.qfc.miner.app.faults.FaultyNode;
import network.qfc.miner.app.faults.FaultyNode.Fault;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The headless miner ({@code Main mine}) as a real child process, SIGKILLed at each step of a proof (fetched,
 * inferred, signed but never delivered, submitted but unanswered) and restarted: the journal resends the unexpired
 * unsent proofs with the same bytes, none is sent more often than journaled, every entry ends with a fate. And the
 * laptop that sleeps (SIGSTOP/SIGCONT) past the deadlines while the node restarts: proofs dropped, re-registered,
 * mining again.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MinerKillAtEachStepTest {
    private static final String SUBMIT = "qfc_submitInferenceProof";

    enum Step {
        /** The node handed out a task. */
        FETCHED,
        /** The miner said it inferred (its --json "inference" line). */
        INFERRED,
        /** The proof is journaled and was sent, but the send never reached the node. */
        SIGNED,
        /** The node got the proof; its answer never came back. */
        SUBMITTED_UNANSWERED
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void killedAtAStepAndRestartedItLosesAndDoublesNothing(Step step) throws Exception {
        killAndRestart(step, false);
    }

    /**
     * Seen in a run: killed right after inference, the journal kept a FETCHED row (no output, no proof) that the
     * restarted miner never settles; it only becomes EXPIRED at a start after its deadline.
     */
    @Test
    void killedJustAfterInferenceEveryEntryHasAFateAfterTheRestart() throws Exception {
        killAndRestart(Step.INFERRED, true);
    }

    private void killAndRestart(Step step, boolean strict) throws Exception {
        Devnets.modelDir();
        Map<String, Integer> acceptedByNode = new HashMap<>();
        try (DevnetNode node = Devnets.start(Devnets.open().withTaskDeadlineMs(120_000));
             FaultyNode proxy = new FaultyNode(node.url())) {
            node.addListener(e -> {
                if (e instanceof DevnetEvent.ProofAnswered a && a.accepted()) {
                    synchronized (acceptedByNode) {
                        acceptedByNode.merge(a.taskId(), 1, Integer::sum);
                    }
                }
            });
            Path data = Devnets.dataDir("kill-" + step);
            Path keyFile = data.resolve("validator.key");
            Address address = Devnets.newKeyFile(keyFile);
            proxy.hangMs(120_000);
            switch (step) {
                case FETCHED, INFERRED -> { }
                case SIGNED -> proxy.inject(SUBMIT, Fault.HANG, 1_000);
                case SUBMITTED_UNANSWERED -> proxy.inject(SUBMIT, Fault.ANSWER_HELD, 1_000);
            }
            Process first = Devnets.childMiner(List.of(), data, keyFile, proxy.url(), "first");
            try {
                BooleanSupplier reached = switch (step) {
                    case FETCHED -> () -> proxy.tasksDelivered() > 0;
                    case INFERRED -> () -> read(data.resolve("first.out")).contains("\"event\":\"inference\"");
                    case SIGNED -> () -> proxy.calls(SUBMIT) > 0;
                    case SUBMITTED_UNANSWERED -> () -> !proxy.forwarded().isEmpty();
                };
                NodeFaultsTest.await("the miner reached " + step + "; stderr: " + read(data.resolve("first.err")),
                        reached, 180);
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing closed
                first.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, JournalEntry> before = new HashMap<>();
            for (JournalEntry e : rows(data)) {
                before.put(e.taskId(), e);
            }
            if (step == Step.SIGNED || step == Step.SUBMITTED_UNANSWERED) {
                assertThat(before.values()).as("the proof in flight is journaled before it is sent")
                        .anyMatch(e -> e.state() == TaskState.SUBMITTING && e.proofBytes() != null);
            }
            proxy.clear();
            Process second = Devnets.childMiner(List.of(), data, keyFile, proxy.url(), "second", "--max-proofs", "2");
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).as("the restarted miner finished").isTrue();
            assertThat(second.exitValue()).as(read(data.resolve("second.err"))).isZero();

            List<JournalEntry> after = rows(data);
            assertThat(after).as("every journal entry has its fate").allSatisfy(e -> {
                if (strict || e.proofBytes() != null) {
                    assertThat(e.state().isTerminal()).as(e.taskId() + " " + e.state()).isTrue();
                } else {
                    // a kill between the write-ahead steps (see the disabled test): never signed, never sent
                    assertThat(e.state().isTerminal() || e.state() == TaskState.FETCHED || e.state() == TaskState.INFERRED)
                            .as(e.taskId() + " " + e.state()).isTrue();
                    assertThat(e.attempts()).isZero();
                }
            });
            for (JournalEntry was : before.values()) {
                if (was.state() == TaskState.SIGNED || was.state() == TaskState.SUBMITTING) {
                    JournalEntry now = after.stream().filter(e -> e.taskId().equals(was.taskId())).findFirst().orElseThrow();
                    assertThat(now.state()).as("resent on restart").isEqualTo(TaskState.ANSWERED);
                    assertThat(now.accepted()).as(now.nodeMessage()).isTrue();
                    assertThat(now.attempts()).isEqualTo(was.attempts() + 1);
                    assertThat(proxy.forwardedProofs(was.taskId())).as("only the journaled bytes were ever sent")
                            .isNotEmpty().allSatisfy(hex -> assertThat(hex)
                                    .isEqualToIgnoringCase(network.qfc.miner.core.protocol.Hex.encode(was.proofBytes())));
                }
            }
            for (JournalEntry e : after) {
                assertThat(node.state().submissionsFor(e.taskId())).as("the node never got more sends than journaled")
                        .isLessThanOrEqualTo((int) e.attempts());
                int credited;
                synchronized (acceptedByNode) {
                    credited = acceptedByNode.getOrDefault(e.taskId(), 0);
                }
                // the devnet, like the v2.0 node, credits a same-bytes resend again: allowed only where the journal
                // shows the proof sent with its answer never recorded (the kill fell between the node's answer and
                // the journal write; whatever step the test aimed at, the submitter thread may be there)
                JournalEntry was = before.get(e.taskId());
                boolean answerLost = was != null && was.state() == TaskState.SUBMITTING && was.attempts() > 0;
                int allowed = answerLost ? 2 : 1;
                assertThat(credited).as("accepted by the node at most once").isLessThanOrEqualTo(allowed);
            }
            long accepted = after.stream().filter(e -> Boolean.TRUE.equals(e.accepted())).count();
            assertThat(accepted).isGreaterThanOrEqualTo(2);
            assertThat(node.standing(address).orElseThrow().tasksCompleted()).isGreaterThanOrEqualTo(accepted);
        }
    }

    /** The laptop sleeps (SIGSTOP) with a proof in flight past its deadline while the node restarts; then wakes. */
    @Test
    void aLaptopThatSleepsPastTheDeadlinesDropsThemReRegistersAndMinesAgain() throws Exception {
        Devnets.modelDir();
        try (DevnetNode node = Devnets.start(Devnets.open().withTaskDeadlineMs(3_000));
             DevnetNode restarted = Devnets.start(Devnets.open().withTaskDeadlineMs(30_000));
             FaultyNode proxy = new FaultyNode(node.url())) {
            Path data = Devnets.dataDir("sleep");
            Path keyFile = data.resolve("validator.key");
            Address address = Devnets.newKeyFile(keyFile);
            proxy.hangMs(4_000);
            proxy.inject(SUBMIT, Fault.HANG, 1);
            Process miner = Devnets.childMiner(List.of(), data, keyFile, proxy.url(), "sleep", "--duration", "45");
            try {
                NodeFaultsTest.await("a proof in flight", () -> proxy.calls(SUBMIT) > 0, 180);
                signal(miner, "STOP");
                proxy.retarget(restarted.url()); // the node restarted meanwhile and forgot the miner
                Thread.sleep(6_000); // past the 3 s deadline
                signal(miner, "CONT");
                NodeFaultsTest.await("accepted by the restarted node", () -> restarted.standing(address)
                        .map(v -> v.tasksCompleted() >= 2).orElse(false), 120);
            } finally {
                miner.destroy(); // SIGTERM: the miner stops cleanly
                if (!miner.waitFor(60, TimeUnit.SECONDS)) {
                    miner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
            String out = read(data.resolve("sleep.out"));
            assertThat(out).as("the proof whose deadline passed during the sleep was dropped, not sent")
                    .contains("\"event\":\"dropped\"");
            assertThat(out.split("\"event\":\"registered\"", -1).length - 1).as("registered again by itself")
                    .isGreaterThanOrEqualTo(2);
            List<JournalEntry> rows = rows(data);
            assertThat(rows).anyMatch(e -> e.state() == TaskState.EXPIRED);
            assertThat(rows).allSatisfy(e -> assertThat(e.state().isTerminal() || e.state() == TaskState.SIGNED
                    || e.state() == TaskState.SUBMITTING).isTrue());
            assertThat(rows).filteredOn(e -> !e.state().isTerminal()).as("unsettled only if unexpired (resent next start)")
                    .allSatisfy(e -> assertThat(e.task().deadlineMs()).isGreaterThan(System.currentTimeMillis() - 60_000));
        }
    }

    private static void signal(Process p, String sig) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static List<JournalEntry> rows(Path data) {
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            return j.recent(10_000);
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
