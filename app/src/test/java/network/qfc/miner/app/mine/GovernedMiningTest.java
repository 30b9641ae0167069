package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import network.qfc.miner.app.QfcCommand;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorReadings;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.core.governor.ReadingsSource;
import network.qfc.miner.core.journal.EventRecord;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.devnet.DevnetNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import network.qfc.miner.devnet.mining.FlakyProxy;

/**
 * The resource governor driving a real miner against a real devnet with the real model: the headless {@code --cpu-cap}
 * throttle in {@code --json} and in the journal; a pause (battery, which this machine cannot produce, so its readings
 * come from a switchable source) that finishes the tasks in hand, fetches nothing, reports pending 0, and resumes.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GovernedMiningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void headlessCpuCapThrottlesWithItsReasonInTheJsonEventsAndTheJournal() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "a 50% cap on one core throttles only once a task was measured");
        Path data = Devnets.dataDir("capped");
        CommandLine cl = QfcCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("mine", "--devnet", "--cpu-cap", "50", "--no-yield-to-user", "--json",
                "--max-proofs", "5", "--data-dir", data.toString(), "--model-dir", Devnets.MODELS.toString());

        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        String expected = "throttled: CPU cap 50% (" + (cores / 2) + " of " + cores + " threads)";
        assertThat(events).filteredOn(e -> e.path("event").asText().equals("throttled"))
                .first().satisfies(e -> assertThat(e.path("reason").asText()).startsWith(expected));
        assertThat(events).filteredOn(e -> e.path("event").asText().equals("proof"))
                .hasSize(5).allSatisfy(e -> assertThat(e.path("accepted").asBoolean()).isTrue());
        int throttled = indexOf(events, "throttled");
        int firstTask = indexOf(events, "task");
        assertThat(throttled).as("throttled before the first task was fetched").isBetween(0, firstTask);
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            assertThat(j.events(0)).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("throttled");
                assertThat(e.detail()).startsWith(expected);
            });
        }
    }

    @Test
    void aPausedMinerFinishesWhatItFetchedFetchesNothingReportsPendingZeroAndResumes() throws Exception {
        SwitchableBattery battery = new SwitchableBattery();
        GovernorPolicy policy = GovernorSetup.policy(100, 0, true, 20, OptionalDouble.empty(), MiningSchedule.ALWAYS)
                .withYieldToUser(false, GovernorPolicy.DEFAULT_YIELD_THRESHOLD_PERCENT);
        try (DevnetNode node = Devnets.start(Devnets.open());
             FlakyProxy proxy = new FlakyProxy(node.url());
             GovernorSetup governor = GovernorSetup.start(battery, policy, Duration.ofMillis(100))) {
            Path data = Devnets.dataDir("paused");
            MinerRuntime runtime = new MinerRuntime(governor.applyTo(Devnets.settings(proxy.url(), data)));
            List<MinerEvent> events = new CopyOnWriteArrayList<>();
            runtime.events().subscribe("test", 100_000, e -> {
                events.add(e);
                if (e instanceof MinerEvent.TaskReceived && count(events, MinerEvent.TaskReceived.class) == 3) {
                    battery.onBattery = true; // unplugged while tasks are in hand
                }
            });
            runtime.start().orTimeout(120, TimeUnit.SECONDS).join();

            await("the Paused event", () -> count(events, MinerEvent.Paused.class) > 0);
            MinerEvent.Paused paused = first(events, MinerEvent.Paused.class);
            assertThat(paused.reason()).isEqualTo("paused: on battery power");
            await("every task fetched answered", () -> count(events, MinerEvent.ProofResult.class)
                    == count(events, MinerEvent.TaskReceived.class) && runtime.snapshot().state() == MinerState.PAUSED
                    && runtime.snapshot().stateReason().equals("paused: on battery power"));
            assertThat(events).filteredOn(MinerEvent.ProofResult.class::isInstance)
                    .allSatisfy(r -> assertThat(((MinerEvent.ProofResult) r).accepted()).isTrue());
            assertThat(events).noneMatch(e -> e instanceof MinerEvent.ProofDropped);

            int tasks = count(events, MinerEvent.TaskReceived.class);
            int asked = proxy.calls("qfc_getInferenceTask");
            int reports = proxy.reportedPending().size();
            assertThat(asked).as("every task the node handed out, fetched ahead ones included, was run").isEqualTo(tasks);
            await("two status reports while paused", () -> proxy.reportedPending().size() >= reports + 2);
            assertThat(proxy.reportedPending().subList(reports, proxy.reportedPending().size()))
                    .as("a paused miner still reports, with nothing pending").isNotEmpty().containsOnly(0L);
            assertThat(proxy.calls("qfc_getInferenceTask")).as("no task asked for while paused").isEqualTo(asked);
            assertThat(count(events, MinerEvent.TaskReceived.class)).isEqualTo(tasks);
            MinerSnapshot snap = runtime.snapshot();
            assertThat(snap.state()).isEqualTo(MinerState.PAUSED);

            battery.onBattery = false;
            await("the Resumed event", () -> count(events, MinerEvent.Resumed.class) > 0);
            Instant resumed = first(events, MinerEvent.Resumed.class).at();
            await("a proof after resuming", () -> events.stream().anyMatch(e -> e instanceof MinerEvent.ProofResult r
                    && r.accepted() && !r.at().isBefore(resumed)));
            runtime.stop().get(90, TimeUnit.SECONDS);

            try (ProofJournal j = JournalShelf.openLastUsed(data)) {
                List<EventRecord> rows = j.events(0);
                assertThat(rows).anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("paused");
                    assertThat(e.detail()).isEqualTo("paused: on battery power");
                });
                assertThat(rows).anySatisfy(e -> assertThat(e.kind()).isEqualTo("resumed"));
                List<JournalEntry> taskRows = j.recent(10_000);
                assertThat(taskRows).as("the tasks of before the pause and one after").hasSizeGreaterThan(tasks)
                        .allSatisfy(t -> assertThat(t.state()).as(t.taskId()).isIn(TaskState.ANSWERED,
                                TaskState.SIGNED, TaskState.FAILED));
                assertThat(taskRows).filteredOn(t -> t.state() == TaskState.ANSWERED).hasSizeGreaterThan(tasks);
            }
        }
    }

    /** Governor readings of an idle machine whose power source the test switches. */
    private static final class SwitchableBattery implements ReadingsSource {
        volatile boolean onBattery;

        @Override
        public GovernorReadings read() {
            return new GovernorReadings(0, 0, Optional.empty(), Optional.of(onBattery), OptionalInt.of(80),
                    OptionalDouble.empty(), ZonedDateTime.now(), Runtime.getRuntime().availableProcessors(),
                    Optional.empty());
        }
    }

    private static int indexOf(List<JsonNode> events, String kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("event").asText().equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(List<MinerEvent> events, Class<? extends MinerEvent> type) {
        return (int) events.stream().filter(type::isInstance).count();
    }

    private static <T extends MinerEvent> T first(List<MinerEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
