package network.qfc.miner.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a model's files from a Hugging Face Hub ({@code <endpoint>/<repo>/resolve/<revision>/<path>}, redirects
 * followed) into its model folder. Each file goes to {@code <name>.part} in that folder, resumes with {@code Range}
 * after an interruption, is checked against the hub's {@code X-Linked-Etag} (sha256 of LFS files) and the registry's
 * sha256, and only then renamed atomically to its name. Transient failures (connection lost, timeouts, 429, 5xx) are
 * retried with exponential backoff; free disk space is checked before bytes are fetched. Owns an OkHttp client:
 * {@link #close()} it.
 */
public final class ModelDownloader implements AutoCloseable {
    /** The public hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * How to download: the hub endpoint, timeouts (the read timeout is what turns a stalled server into an error),
     * attempts per file and the first backoff (doubled each time, at most 30 s), and how free space is measured.
     */
    public record Settings(String endpoint, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                           Duration initialBackoff, ToLongFunction<Path> freeSpace) {
        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(freeSpace, "freeSpace");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (HttpUrl.parse(endpoint) == null) {
                throw new IllegalArgumentException("invalid hub endpoint '" + endpoint + "': expected an http(s) URL such as "
                        + DEFAULT_ENDPOINT);
            }
        }

        /** The defaults: endpoint from {@code HF_ENDPOINT} or the public hub, 15 s connect, 30 s read, 5 attempts. */
        public static Settings defaults() {
            return new Settings(endpointFrom(System.getenv()), Duration.ofSeconds(15), Duration.ofSeconds(30), 5,
                    Duration.ofSeconds(1), ModelDownloader::usableSpace);
        }

        /** {@code HF_ENDPOINT} when set (as the Hub's own clients read it), else the public hub. */
        public static String endpointFrom(Map<String, String> env) {
            String e = env.get("HF_ENDPOINT");
            return e == null || e.isBlank() ? DEFAULT_ENDPOINT : e.trim();
        }

        public Settings withEndpoint(String url) {
            return new Settings(url, connectTimeout, readTimeout, maxAttempts, initialBackoff, freeSpace);
        }

        public Settings withTimeouts(Duration connect, Duration read) {
            return new Settings(endpoint, connect, read, maxAttempts, initialBackoff, freeSpace);
        }

        public Settings withRetries(int attempts, Duration firstBackoff) {
            return new Settings(endpoint, connectTimeout, readTimeout, attempts, firstBackoff, freeSpace);
        }

        public Settings withFreeSpace(ToLongFunction<Path> space) {
            return new Settings(endpoint, connectTimeout, readTimeout, maxAttempts, initialBackoff, space);
        }
    }

    private final Settings settings;
    private final HttpUrl endpoint;
    private final OkHttpClient http;

    public ModelDownloader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.endpoint = HttpUrl.get(settings.endpoint());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .followRedirects(true)
                .followSslRedirects(true)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The hub this downloader talks to. */
    public String endpoint() {
        return endpoint.toString();
    }

    /** The resolve URL of one file: {@code <endpoint>/<repo>/resolve/<revision>/<path>}. */
    public HttpUrl resolveUrl(ApprovedModel model, ModelFile file) {
        return endpoint.newBuilder().addPathSegments(model.hfRepo()).addPathSegment("resolve")
                .addPathSegment(model.revision()).addPathSegments(file.remotePath()).build();
    }

    static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: let the write fail if it must
        }
    }

    /** Downloads every file of {@code model} into {@code dir} and writes its manifest. The caller holds the folder lock. */
    InstallManifest download(ApprovedModel model, Path dir, DownloadListener listener, Cancellation cancel) throws IOException {
        Files.createDirectories(dir);
        checkSpace(model, dir);
        List<InstallManifest.Entry> entries = new ArrayList<>();
        for (ModelFile f : model.files()) {
            entries.add(fetchWithRetries(model, f, dir, listener, cancel));
        }
        InstallManifest m = new InstallManifest(model.ref().toString(), "hub", Instant.now().toString(),
                endpoint.newBuilder().addPathSegments(model.hfRepo()).addPathSegment("resolve")
                        .addPathSegment(model.revision()).build().toString(), entries);
        m.writeTo(dir);
        return m;
    }

    /** Refuses before any byte is fetched when the sizes the registry knows do not fit. */
    private void checkSpace(ApprovedModel model, Path dir) throws IOException {
        long needed = 0;
        for (ModelFile f : model.files()) {
            if (f.size() == null || Files.exists(ContainedPath.child(dir, f.localName()))) {
                continue;
            }
            Path part = ContainedPath.child(dir, f.localName() + ".part");
            needed += Math.max(0, f.size() - (Files.exists(part) ? Files.size(part) : 0));
        }
        requireSpace(model, dir, needed);
    }

    private void requireSpace(ApprovedModel model, Path dir, long needed) {
        long free = settings.freeSpace().applyAsLong(dir);
        if (needed > free) {
            throw new InsufficientDiskSpaceException(model.ref(), needed, free, dir);
        }
    }

    private InstallManifest.Entry fetchWithRetries(ApprovedModel model, ModelFile file, Path dir, DownloadListener listener,
                                                   Cancellation cancel) throws IOException {
        Path target = ContainedPath.child(dir, file.localName());
        if (Files.exists(target)) {
            InstallManifest.Entry kept = keepIfVerified(model, file, target, cancel);
            if (kept != null) {
                return kept;
            }
        }
        long backoff = settings.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            cancel.throwIfCancelled();
            try {
                return fetchOnce(model, file, dir, listener, cancel);
            } catch (Transient t) {
                // an unreachable hub (refused, unknown host) is retried once only: offline, the seed should not wait long
                int limit = t.unreachable ? Math.min(2, settings.maxAttempts()) : settings.maxAttempts();
                if (attempt >= limit) {
                    throw t.finalError(attempt, file.localName() + " of " + model.ref());
                }
                listener.onEvent(new DownloadNotice(model.ref(), DownloadNotice.Kind.RETRYING, file.localName() + ": "
                        + t.getMessage() + "; attempt " + (attempt + 1) + " of " + limit + " in " + backoff + " ms"));
                LOG.info("{} {}: {} (retrying in {} ms)", model.ref(), file.localName(), t.getMessage(), backoff);
                pause(backoff, cancel);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** A final file left by an earlier, unfinished install: kept if it matches a known hash, else deleted. */
    private InstallManifest.Entry keepIfVerified(ApprovedModel model, ModelFile file, Path target, Cancellation cancel)
            throws IOException {
        String expected = file.sha256();
        if (expected == null) {
            Call call = http.newCall(new Request.Builder().url(resolveUrl(model, file)).head()
                    .header("Accept-Encoding", "identity").build());
            cancel.attach(call);
            try (Response r = call.execute()) {
                expected = linkedEtag(r);
            } catch (IOException e) {
                expected = null;
            } finally {
                cancel.detach();
            }
        }
        String actual = Sha256.of(target);
        if (expected != null && expected.equals(actual)) {
            return new InstallManifest.Entry(file.localName(), Files.size(target), actual);
        }
        Files.delete(target);
        return null;
    }

    private static void pause(long millis, Cancellation cancel) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            cancel.throwIfCancelled();
            try {
                Thread.sleep(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    private InstallManifest.Entry fetchOnce(ApprovedModel model, ModelFile file, Path dir, DownloadListener listener,
                                            Cancellation cancel) throws IOException, Transient {
        String name = file.localName();
        Path target = ContainedPath.child(dir, name);
        Path part = ContainedPath.child(dir, name + ".part");
        HttpUrl url = resolveUrl(model, file);
        long have = Files.exists(part) ? Files.size(part) : 0;
        Request.Builder rb = new Request.Builder().url(url).header("Accept-Encoding", "identity")
                .header("User-Agent", "qfc-desktop-miner");
        if (have > 0) {
            rb.header("Range", "bytes=" + have + "-");
        }
        Call call = http.newCall(rb.build());
        cancel.attach(call);
        try (Response r = call.execute()) {
            int code = r.code();
            if (code == 416 && have > 0) {
                Files.deleteIfExists(part);
                throw new Transient("the server refused to resume " + name + " (HTTP 416); starting it over", null, false);
            }
            if (code == 404) {
                throw new ModelDownloadException(name + " of " + model.ref() + " was not found on the hub (HTTP 404 at "
                        + url + "); check --hf-endpoint and the registry's revision", 404, null);
            }
            if (code == 401 || code == 403) {
                throw new ModelDownloadException("the hub refused " + name + " of " + model.ref() + " (HTTP " + code + " at "
                        + url + "); the repository may be gated or private", code, null);
            }
            if (code == 408 || code == 429 || code >= 500) {
                throw new Transient("the hub answered HTTP " + code, null, false);
            }
            if (code != 200 && code != 206) {
                throw new ModelDownloadException("unexpected HTTP " + code + " for " + name + " of " + model.ref() + " at " + url,
                        code, null);
            }
            boolean append = code == 206;
            if (append && have != rangeStart(r.header("Content-Range"))) {
                Files.deleteIfExists(part);
                throw new Transient("the server resumed " + name + " at the wrong offset; starting it over", null, false);
            }
            if (!append && have > 0) {
                LOG.info("{}: the server ignored the range, downloading {} from the start", model.ref(), name);
                have = 0;
            }
            ResponseBody body = r.body();
            long length = body == null ? -1 : body.contentLength();
            long total = length >= 0 ? have + length : linkedSize(r, file);
            if (total >= 0) {
                requireSpace(model, dir, total - have);
            }
            String etag = linkedEtag(r);
            MessageDigest digest = Sha256.digest();
            if (append) {
                listener.onEvent(new DownloadNotice(model.ref(), DownloadNotice.Kind.RESUMING,
                        "resuming " + name + " at " + have + " bytes"));
                try (InputStream prefix = Files.newInputStream(part)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = prefix.read(buf)) > 0; ) {
                        digest.update(buf, 0, n);
                    }
                }
            }
            long bytes = have;
            long sessionStart = System.nanoTime();
            long lastEvent = 0;
            try (InputStream in = body.byteStream();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    digest.update(buf, 0, n);
                    bytes += n;
                    long now = System.nanoTime();
                    if (now - lastEvent >= PROGRESS_EVERY_NANOS) {
                        lastEvent = now;
                        listener.onEvent(progress(model, name, bytes, have, total, now - sessionStart));
                    }
                    cancel.throwIfCancelled();
                }
            }
            if (length >= 0 && bytes - have < length) {
                throw new Transient("the connection closed after " + bytes + " of " + total + " bytes of " + name, null, false);
            }
            try (FileChannel fc = FileChannel.open(part, StandardOpenOption.WRITE)) {
                fc.force(true);
            }
            String actual = Sha256.hex(digest);
            checkHash(model, name, part, etag, actual, "the hub's X-Linked-Etag");
            checkHash(model, name, part, file.sha256(), actual, "the model registry");
            if (file.size() != null && file.size() != bytes) {
                Files.deleteIfExists(part);
                throw new ChecksumMismatchException(model.ref(), name, file.size() + " bytes", bytes + " bytes", "the model registry");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            listener.onEvent(progress(model, name, bytes, have, bytes, System.nanoTime() - sessionStart));
            listener.onEvent(new DownloadNotice(model.ref(), DownloadNotice.Kind.FILE_DONE,
                    name + " downloaded and verified (" + bytes + " bytes, sha256 " + actual + ")"));
            return new InstallManifest.Entry(name, bytes, actual);
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw new CancellationException("download of " + model.ref() + " cancelled");
            }
            throw classify(e);
        } finally {
            cancel.detach();
        }
    }

    private static void checkHash(ApprovedModel model, String name, Path part, String expected, String actual, String from)
            throws IOException {
        if (expected != null && !expected.equals(actual)) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(model.ref(), name, expected, actual, from);
        }
    }

    private DownloadProgress progress(ApprovedModel model, String name, long bytes, long startedAt, long total, long nanos) {
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? (bytes - startedAt) / seconds : 0;
        Duration eta = total >= 0 && rate > 0 ? Duration.ofMillis((long) ((total - bytes) / rate * 1000)) : null;
        return new DownloadProgress(model.ref(), name, bytes, total, rate, eta);
    }

    private Transient classify(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return new Transient("cannot connect to " + endpoint.host() + ":" + endpoint.port() + " (" + e.getMessage() + ")", e, true);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new Transient("no data for " + settings.readTimeout().toMillis() + " ms (read timeout)", e, false, true);
        }
        return new Transient(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e, false);
    }

    /** The start offset of a {@code Content-Range: bytes START-END/TOTAL} header, or -1. */
    static long rangeStart(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        String v = contentRange.trim().toLowerCase(Locale.ROOT);
        if (!v.startsWith("bytes ")) {
            return -1;
        }
        int dash = v.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(v.substring(6, dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The sha256 the hub states for an LFS file ({@code X-Linked-Etag}, here or on the redirect), or null. */
    static String linkedEtag(Response r) {
        for (Response x = r; x != null; x = x.priorResponse()) {
            String v = x.header("X-Linked-Etag");
            if (v != null) {
                v = v.trim();
                if (v.startsWith("W/")) {
                    v = v.substring(2);
                }
                v = v.replace("\"", "");
                return Sha256.isHex(v) ? v.toLowerCase(Locale.ROOT) : null;
            }
        }
        return null;
    }

    private static long linkedSize(Response r, ModelFile file) {
        for (Response x = r; x != null; x = x.priorResponse()) {
            String v = x.header("X-Linked-Size");
            if (v != null) {
                try {
                    return Long.parseLong(v.trim());
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            }
        }
        return file.size() == null ? -1 : file.size();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A failure worth another attempt. */
    private final class Transient extends Exception {
        private final boolean unreachable;
        private final boolean stalled;

        Transient(String message, Throwable cause, boolean unreachable) {
            this(message, cause, unreachable, false);
        }

        Transient(String message, Throwable cause, boolean unreachable, boolean stalled) {
            super(message, cause);
            this.unreachable = unreachable;
            this.stalled = stalled;
        }

        ModelDownloadException finalError(int attempts, String what) {
            String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
            if (unreachable) {
                return new HubUnreachableException("cannot reach the hub at " + endpoint + " for " + what + " after " + tries + ": "
                        + getMessage() + "; check the connection, or set HF_ENDPOINT / --hf-endpoint to a mirror", getCause());
            }
            if (stalled) {
                return new ModelDownloadException("the download of " + what + " stalled: " + getMessage() + " from " + endpoint.host()
                        + " after " + tries + "; check the network and pull again (what arrived is kept and resumes)", 0, getCause());
            }
            return new ModelDownloadException("the download of " + what + " failed after " + tries + ": " + getMessage()
                    + "; pull again to resume", 0, getCause());
        }
    }
}
