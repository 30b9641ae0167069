package network.qfc.miner.core.inference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The models an engine keeps loaded between tasks (loading costs ~1 s, an embedding ~5 ms). When loading one more
 * would pass the memory budget, the least recently used models are unloaded first (a model still running a task is
 * closed when that task ends). Also remembers every model folder it was asked for, to report each model's layer.
 */
public final class ModelPool implements AutoCloseable {
    /** Loads a model folder; the engine's is {@link EmbeddingModel#load} with its provider and threads. */
    @FunctionalInterface
    public interface Loader {
        EmbeddingModel load(ModelId id, Path dir);
    }

    /** A model in use by one task; close it when the task is done. */
    public static final class Lease implements AutoCloseable {
        private final EmbeddingModel model;
        private boolean released;

        private Lease(EmbeddingModel model) {
            this.model = model;
        }

        public EmbeddingModel model() {
            return model;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                model.release();
            }
        }
    }

    private final Loader loader;
    private final long budgetBytes;
    private final LinkedHashMap<ModelId, EmbeddingModel> loaded = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<ModelId, Path> known = new LinkedHashMap<>();
    private final Map<ModelId, Object> loadLocks = new ConcurrentHashMap<>();
    private boolean closed;

    public ModelPool(Loader loader, long budgetMb) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.budgetBytes = budgetMb * 1024L * 1024L;
    }

    /** The model of {@code id} from {@code dir}, loading it (and unloading others over budget) when needed. */
    public Lease acquire(ModelId id, Path dir) {
        Lease lease = tryLoaded(id, dir);
        if (lease != null) {
            return lease;
        }
        synchronized (loadLocks.computeIfAbsent(id, k -> new Object())) {
            lease = tryLoaded(id, dir);
            if (lease != null) {
                return lease;
            }
            EmbeddingModel model = loader.load(id, dir);
            List<EmbeddingModel> evicted = new ArrayList<>();
            synchronized (this) {
                if (closed) {
                    model.close();
                    throw new InferenceException("the inference engine is closed");
                }
                long used = loaded.values().stream().mapToLong(EmbeddingModel::memoryBytes).sum();
                var eldest = loaded.entrySet().iterator();
                while (used + model.memoryBytes() > budgetBytes && eldest.hasNext()) {
                    EmbeddingModel old = eldest.next().getValue();
                    used -= old.memoryBytes();
                    evicted.add(old);
                    eldest.remove();
                }
                loaded.put(id, model);
                model.tryRetain();
            }
            evicted.forEach(EmbeddingModel::retire);
            return new Lease(model);
        }
    }

    private synchronized Lease tryLoaded(ModelId id, Path dir) {
        if (closed) {
            throw new InferenceException("the inference engine is closed");
        }
        known.put(id, dir);
        EmbeddingModel m = loaded.get(id);
        if (m != null && m.tryRetain()) {
            return new Lease(m);
        }
        return null;
    }

    /**
     * Every model this pool was asked for: {@code HOT} when loaded, {@code WARM} when its folder holds the model and
     * tokenizer, {@code COLD} when it does not.
     */
    public synchronized Map<ModelId, ModelLayer> layers() {
        Map<ModelId, ModelLayer> out = new LinkedHashMap<>();
        for (Map.Entry<ModelId, Path> e : known.entrySet()) {
            ModelLayer layer;
            if (loaded.containsKey(e.getKey())) {
                layer = ModelLayer.HOT;
            } else if (Files.isRegularFile(e.getValue().resolve(EmbeddingModel.MODEL_FILE))
                    && Files.isRegularFile(e.getValue().resolve(EmbeddingModel.TOKENIZER_FILE))) {
                layer = ModelLayer.WARM;
            } else {
                layer = ModelLayer.COLD;
            }
            out.put(e.getKey(), layer);
        }
        return out;
    }

    /** Unloads {@code id} now (or when its running task ends); false when it was not loaded. */
    public boolean unload(ModelId id) {
        EmbeddingModel m;
        synchronized (this) {
            m = loaded.remove(id);
        }
        if (m != null) {
            m.retire();
        }
        return m != null;
    }

    /** Bytes the loaded models are counted for. */
    public synchronized long usedBytes() {
        return loaded.values().stream().mapToLong(EmbeddingModel::memoryBytes).sum();
    }

    @Override
    public void close() {
        List<EmbeddingModel> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(loaded.values());
            loaded.clear();
        }
        all.forEach(EmbeddingModel::retire);
    }
}
