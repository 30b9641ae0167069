package network.qfc.miner.core.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.GovernorSetup;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.HardwareSource;
import network.qfc.miner.probe.LiveSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives as long as the process, built once and closed once by each bootstrap (the desktop app, the {@code mine}
 * command): the journals (one per network), the model cache, the hardware probe's report and live sampler, the
 * resource governor and the event bus. Mining sessions ({@link MinerRuntime}: RPC client, registrar, loop,
 * submitter, pollers) are made by {@link #newSession} as often as the user starts mining; each publishes into this
 * bus, so a screen or a printer subscribes once, and journals into these journals, so history is readable whether
 * or not a session runs.
 */
public final class MinerServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinerServices.class);

    private final AppDirectories directories;
    private final Clock clock;
    private final JournalShelf journals;
    private final EventBus events = new EventBus();
    private final LiveSampler sampler;
    private final GovernorSetup governor;
    private final List<Consumer<ModelCache>> modelFolderListeners = new CopyOnWriteArrayList<>();
    private final List<ModelCache> retiredCaches = new ArrayList<>();
    private ModelCache models;
    private HardwareReport hardware;
    private boolean closed;

    private MinerServices(AppDirectories directories, Path modelRoot, GovernorPolicy policy, Clock clock) {
        this.directories = Objects.requireNonNull(directories, "directories");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journals = new JournalShelf(directories.data(), clock);
        events.subscribe("journal", new EventJournaler(journals::current)::onEvent);
        this.sampler = new LiveSampler(HardwareSource.ofThisMachine());
        this.governor = GovernorSetup.start(sampler, policy);
        governor.setMining(false);
        this.models = newCache(modelRoot);
    }

    /** Builds the services: journals under {@code directories}, models under {@code modelRoot}, the governor's rules. */
    public static MinerServices start(AppDirectories directories, Path modelRoot, GovernorPolicy policy, Clock clock) {
        return new MinerServices(directories, modelRoot, policy, clock);
    }

    /** A mining session over these services, not started yet. */
    public MinerRuntime newSession(MinerSettings settings) {
        return new MinerRuntime(settings, clock, this);
    }

    public AppDirectories directories() {
        return directories;
    }

    /** The event bus every session publishes into; subscribe once. */
    public EventBus events() {
        return events;
    }

    /** The journals, one per network. */
    public JournalShelf journals() {
        return journals;
    }

    /** The journal of the network being mined or used last (history, counters, proof detail); empty before any. */
    public Optional<ProofJournal> journal() {
        return journals.current();
    }

    /** The live sampler (the Hardware page subscribes while shown; the governor while mining). */
    public LiveSampler sampler() {
        return sampler;
    }

    public GovernorSetup governor() {
        return governor;
    }

    /** The one model cache (the Models page's downloads and the miner's go through it). */
    public synchronized ModelCache models() {
        return models;
    }

    /**
     * The model cache at {@code root}: the same one when the folder did not change, else a new one, announced to
     * {@link #onModelFolderChanged} listeners (the Models page shows the new folder without a restart).
     */
    public ModelCache models(Path root) {
        ModelCache now;
        synchronized (this) {
            if (models.root().toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize())) {
                return models;
            }
            retiredCaches.add(models); // a download may still run in it: closed with the services
            models = newCache(root);
            now = models;
        }
        LOG.info("model folder is now {}", root);
        for (Consumer<ModelCache> l : modelFolderListeners) {
            l.accept(now);
        }
        return now;
    }

    /** Called with the new cache when the model folder changes. */
    public void onModelFolderChanged(Consumer<ModelCache> listener) {
        modelFolderListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** This machine's hardware, probed once per process (the first time it is asked for). */
    public synchronized HardwareReport hardware() {
        if (hardware == null) {
            hardware = HardwareProbe.ofThisMachine().probe();
        }
        return hardware;
    }

    /** Probes the machine again (the Hardware page's refresh). */
    public HardwareReport refreshHardware() {
        HardwareReport fresh = HardwareProbe.ofThisMachine().probe();
        synchronized (this) {
            hardware = fresh;
        }
        return fresh;
    }

    private static ModelCache newCache(Path root) {
        return new ModelCache(root, ModelRegistry.bundled(), new ModelDownloader(ModelDownloader.Settings.defaults()),
                OfflineSeed.fromClassPath());
    }

    /** Closes everything, once; stop the session first. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        governor.close();
        sampler.close();
        events.close(Duration.ofSeconds(5));
        journals.close();
        synchronized (this) {
            retiredCaches.forEach(ModelCache::close);
            models.close();
        }
    }
}
