package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.faults.FaultyNode;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalSpace;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.runtime.MinerRuntime;
import network.qfc.miner.core.runtime.MinerSettings;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.models.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the miner's own computer: the disk fills while journaling; the model file is corrupted between runs. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LocalFaultsTest {

    /**
     * Measured before disabling: with the journal full, ProofSubmitter publishes a non-fatal Error per proof ("could
     * not journal the proof of task …: the disk … is full: … mining paused, nothing was lost") and DROPS the proof
     * (never journaled, never sent), while TaskLoop keeps fetching and inferring: the state stays RUNNING and every
     * task fetched while the disk is full is lost without a fate.
     *
     * <p>Corrupted model, measured before disabling: the flipped byte loads, the first proof fails the devnet's spot
     * check, the validator is slashed 500 QFC (5 %) and jailed 6 h.
     */
    @Test
    void aFullDiskPausesMiningWithTheMessageKeepsWhatItHasAndResumes() throws Exception {
        try (DevnetNode node = Devnets.start(Devnets.open());
             FaultyNode proxy = new FaultyNode(node.url())) {
            Path data = Devnets.dataDir("diskfull");
            MinerRuntime runtime = new MinerRuntime(Devnets.settings(proxy.url(), data));
            List<MinerEvent> events = new CopyOnWriteArrayList<>();
            runtime.events().subscribe("test", 100_000, events::add);
            try {
                runtime.start().orTimeout(120, TimeUnit.SECONDS).join();
                NodeFaultsTest.await("2 proofs accepted", () -> accepted(events) >= 2, 60);
                List<JournalEntry> kept = runtime.journal().recent(1000);
                JournalSpace.fill(runtime.journal());
                NodeFaultsTest.await("paused because the disk is full", () -> runtime.snapshot().state() == MinerState.PAUSED
                        && runtime.snapshot().stateReason().contains("full"), 30);
                int delivered = proxy.tasksDelivered();
                Thread.sleep(2_000);
                assertThat(proxy.tasksDelivered()).as("no task fetched while the journal cannot record it")
                        .isLessThanOrEqualTo(delivered + 1);
                assertThat(events).anyMatch(e -> e instanceof MinerEvent.Paused p && p.reason().contains("full"));
                for (JournalEntry e : kept) {
                    // settled entries stay as they were; a proof in flight may still get its answer recorded (an
                    // update in place needs no new page), it never goes back
                    JournalEntry now = runtime.journal().find(e.taskId()).orElseThrow();
                    if (e.state().isTerminal()) {
                        assertThat(now.state()).isEqualTo(e.state());
                    } else {
                        assertThat(now.state().ordinal()).as(e.taskId()).isGreaterThanOrEqualTo(e.state().ordinal());
                    }
                }
                JournalSpace.free(runtime.journal());
                int mark = events.size();
                NodeFaultsTest.await("mining resumed by itself", () -> accepted(events.subList(mark, events.size())) >= 2, 60);
            } finally {
                runtime.stop().get(90, TimeUnit.SECONDS);
            }
            try (ProofJournal j = JournalShelf.openLastUsed(data)) {
                assertThat(j.recent(100_000)).allSatisfy(e -> assertThat(e.state().isTerminal()).isTrue());
                assertThat(j.recent(100_000)).hasSizeGreaterThanOrEqualTo(proxy.tasksDelivered() - 1);
            }
        }
    }

    /** The model file is corrupted on disk between runs: found by its hash before use and re-seeded from the bundle. */
    @Test
    void aCorruptedModelIsDetectedByItsHashAndReSeededBeforeUse(@TempDir Path tmp) throws Exception {
        Path models = tmp.resolve("models");
        Path dir;
        try (ModelCache cache = cache(models)) {
            cache.seedFromBundle(Devnets.SMALL);
            dir = cache.modelDir(Devnets.SMALL);
        }
        Path onnx = dir.resolve("model.onnx");
        long size = Files.size(onnx);
        try (RandomAccessFile f = new RandomAccessFile(onnx.toFile(), "rw")) {
            long at = size - 4096; // inside the weights: loads, but computes wrong numbers
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
        assertThat(Files.size(onnx)).isEqualTo(size);
        try (ModelCache cache = cache(models)) {
            assertThat(cache.verify(Devnets.SMALL).ok()).as("the corruption is real").isFalse();
        }
        try (DevnetNode node = Devnets.start(Devnets.open().withSpotCheckRate(OptionalDouble.of(1.0)))) {
            Path data = Devnets.dataDir("corrupt");
            MinerSettings base = Devnets.settings(node.url().toString(), data).withLimits(2, null);
            MinerSettings settings = new MinerSettings(base.rpcUrl(), false, base.keySource(), base.backend(),
                    base.computeMode(), models, base.directories(), base.threads(), base.maxProofs(), null,
                    base.standingPeriod(), base.statusPeriod(), base.assumedJail(), base.benchmarkTime(),
                    base.governor(), base.tamper(), base.version());
            MinerRuntime runtime = new MinerRuntime(settings);
            List<MinerEvent> events = new CopyOnWriteArrayList<>();
            runtime.events().subscribe("test", 100_000, events::add);
            try {
                runtime.start().orTimeout(120, TimeUnit.SECONDS).join();
                runtime.stopped().get(120, TimeUnit.SECONDS);
            } finally {
                runtime.stop().get(90, TimeUnit.SECONDS);
            }
            assertThat(events).filteredOn(MinerEvent.ProofResult.class::isInstance).hasSize(2)
                    .allSatisfy(e -> assertThat(((MinerEvent.ProofResult) e).accepted()).isTrue());
        }
        try (ModelCache cache = cache(models)) {
            VerifyResult v = cache.verify(Devnets.SMALL);
            assertThat(v.ok()).as("re-seeded: " + v.badFiles()).isTrue();
        }
    }

    private static ModelCache cache(Path models) {
        return new ModelCache(models, ModelRegistry.bundled(),
                new ModelDownloader(ModelDownloader.Settings.defaults().withEndpoint("http://127.0.0.1:9")),
                OfflineSeed.fromClassPath());
    }

    private static long accepted(List<MinerEvent> events) {
        return List.copyOf(events).stream().filter(e -> e instanceof MinerEvent.ProofResult r && r.accepted()).count();
    }
}
