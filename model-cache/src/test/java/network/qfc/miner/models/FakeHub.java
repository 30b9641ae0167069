package network.qfc.miner.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Hugging Face Hub imitation on loopback: {@code /<repo>/resolve/<rev>/<path>} answers 302 to {@code /cdn/<path>}
 * with {@code X-Linked-Etag} (quoted sha256) and {@code X-Linked-Size} like the real hub does for LFS files; the CDN
 * serves the bytes with {@code Content-Length} and honours {@code Range} with 206. Behaviours per file let a test cut
 * a transfer, stall it, hold it at a gate, or lie about the hash. It counts every body byte it sends.
 */
final class FakeHub implements AutoCloseable {
    /** One file the hub serves. */
    static final class Served {
        final byte[] bytes;
        volatile boolean lfs = true;
        volatile String etagOverride;
        volatile long cutAfterOnce = -1;
        volatile long stallAfter = -1;
        volatile String contentDisposition;
        final AtomicLong bytesServed = new AtomicLong();
        final AtomicInteger bodyRequests = new AtomicInteger();
        final List<String> ranges = new CopyOnWriteArrayList<>();

        Served(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    /** Released to let stalled or gated transfers go on. */
    final CountDownLatch release = new CountDownLatch(1);
    volatile CountDownLatch gate;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} as {@code <repo>/resolve/<rev>/<path>}. */
    Served put(String repo, String revision, String path, byte[] bytes) {
        Served s = new Served(bytes);
        files.put(repo + "/resolve/" + revision + "/" + path, s);
        return s;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getRawPath().substring(1);
            if (path.startsWith("cdn/")) {
                serveBody(ex, path.substring(4));
                return;
            }
            Served s = files.get(path);
            if (s == null) {
                ex.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (s.lfs) {
                String etag = s.etagOverride != null ? s.etagOverride : Sha256Hex.of(s.bytes);
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + etag + "\"");
                ex.getResponseHeaders().add("X-Linked-Size", Long.toString(s.bytes.length));
            }
            ex.getResponseHeaders().add("Location", "/cdn/" + path);
            ex.sendResponseHeaders(302, -1);
        }
    }

    private void serveBody(HttpExchange ex, String key) throws IOException {
        Served s = files.get(key);
        if (s == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", Long.toString(s.bytes.length));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        s.bodyRequests.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            await(g);
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            s.ranges.add(range);
            from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            if (from >= s.bytes.length) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (s.bytes.length - 1) + "/" + s.bytes.length);
        }
        if (s.contentDisposition != null) {
            ex.getResponseHeaders().add("Content-Disposition", s.contentDisposition);
        }
        int length = s.bytes.length - from;
        ex.sendResponseHeaders(range != null ? 206 : 200, length);
        OutputStream out = ex.getResponseBody();
        long cut = s.cutAfterOnce;
        long stall = s.stallAfter;
        int end = s.bytes.length;
        if (cut >= 0) {
            s.cutAfterOnce = -1;
            end = (int) Math.min(end, from + cut);
        }
        if (stall >= 0) {
            end = (int) Math.min(end, from + stall);
        }
        for (int i = from; i < end; i += 8192) {
            int n = Math.min(8192, end - i);
            out.write(s.bytes, i, n);
            s.bytesServed.addAndGet(n);
        }
        out.flush();
        if (stall >= 0 && end < s.bytes.length) {
            await(release);
            return;
        }
        if (end < s.bytes.length) {
            throw new IOException("fake hub cuts the connection after " + (end - from) + " bytes");
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
        server.stop(0);
        pool.shutdownNow();
    }

    /** Hashing for the test side, independent of the code under test. */
    static final class Sha256Hex {
        static String of(byte[] b) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
