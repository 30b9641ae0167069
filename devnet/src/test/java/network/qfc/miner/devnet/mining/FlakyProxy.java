package network.qfc.miner.devnet.mining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback between a miner and a devnet that forwards JSON-RPC calls and can misbehave on
 * command: go away (its port refuses connections) and come back on the same port, or hold every proof submission
 * without answering. It counts every call by method and every submission by task id, and keeps the pending count of
 * every status report.
 */
public final class FlakyProxy implements AutoCloseable {
    private final URI target;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> submittedTaskIds = new CopyOnWriteArrayList<>();
    private final List<Long> reportedPending = new CopyOnWriteArrayList<>();
    private volatile HttpServer server;
    private volatile boolean holdSubmits;
    private final CountDownLatch heldOne = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    public FlakyProxy(URI target) throws IOException {
        this.target = target;
        this.server = create(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer create(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 32);
        s.createContext("/", this::handle);
        s.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "flaky-proxy");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Stops listening: new connections are refused; calls already in progress get their answer first. */
    public synchronized void down() {
        server.stop(3);
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                server = create(port);
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    /** From now on, proof submissions reach no one and get no answer. */
    public void holdSubmits() {
        holdSubmits = true;
    }

    /** Waits for the first held submission. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return heldOne.await(seconds, TimeUnit.SECONDS);
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Task ids of submissions that reached the devnet, in order (held ones are not in it). */
    public List<String> forwardedSubmissions() {
        return List.copyOf(submittedTaskIds);
    }

    /** The {@code pendingTasks} of every status report that passed, in order. */
    public List<Long> reportedPending() {
        return List.copyOf(reportedPending);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode request = json.readTree(body);
            String method = request.path("method").asText("");
            calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            if (method.equals("qfc_reportMinerStatus")) {
                reportedPending.add(request.path("params").path(0).path("pendingTasks").asLong(-1));
            }
            if (method.equals("qfc_submitInferenceProof")) {
                if (holdSubmits) {
                    heldOne.countDown();
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return; // no answer at all
                }
                submittedTaskIds.add(request.path("params").path(0).path("taskId").asText());
            }
            HttpResponse<byte[]> r;
            try {
                r = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(r.statusCode(), r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
