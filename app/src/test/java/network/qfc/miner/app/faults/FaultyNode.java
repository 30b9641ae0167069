package network.qfc.miner.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fault-injecting JSON-RPC proxy on 127.0.0.1 (JDK {@code HttpServer}) in front of a real node (a devnet). It
 * forwards every call unchanged unless told to misbehave, per method ({@link #inject}) or at random
 * ({@link #randomly}), in one of the ways of {@link Fault}. It can point at another node ({@link #retarget}: "the
 * node restarted with a fresh state" as the miner sees it, same URL) and stop listening for a while
 * ({@link #refuseFor}). It records every proof submission that reached the node, with its exact bytes.
 */
public final class FaultyNode implements AutoCloseable {

    /** A way a node (or what stands between it and the miner) misbehaves. */
    public enum Fault {
        /** The port stops listening for {@link #refuseMs} (connection refused), this call's connection is cut. */
        REFUSE,
        /** Accept the call and never answer (the client's read timeout fires); the node never sees it. */
        HANG,
        /** HTTP 500 with an HTML body; the node never sees the call. */
        HTTP_500,
        /** HTTP 502 Bad Gateway; the node never sees the call. */
        HTTP_502,
        /** HTTP 200 with a body that is not JSON. */
        GARBAGE,
        /** HTTP 200 with JSON cut in the middle (the declared length matches: a well-formed HTTP answer). */
        TRUNCATED_JSON,
        /** HTTP 200 with a body over 8 MiB. */
        HUGE_BODY,
        /** A JSON-RPC answer whose result has the wrong shape for the method. */
        WRONG_SHAPE,
        /** JSON-RPC error -32601 Method not found. */
        METHOD_NOT_FOUND,
        /** HTTP 200 headers, half the declared body, then the connection closes. The node never sees the call. */
        DROP_MID_RESPONSE,
        /** The call is forwarded and the node answers, but the connection drops before the answer (lost answer). */
        ANSWER_LOST,
        /** A task is forwarded and its input replaced by 64 KiB + 1 byte. */
        OVERSIZED_INPUT,
        /** The call is forwarded and the node answers, but the answer is held {@link #hangMs} and then dropped. */
        ANSWER_HELD
    }

    /** A fault served: on which method, and for a submission, of which task. */
    public record Injection(String method, Fault fault, String taskId) {
    }

    /** A submission that reached the node. */
    public record Forwarded(String taskId, String proofBytesHex) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> daemon(r, "faulty-node"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "faulty-node-timer"));
    private final Map<String, Deque<Fault>> queued = new HashMap<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicInteger tasksDelivered = new AtomicInteger();
    private final List<Injection> injections = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile URI target;
    private volatile HttpServer server;
    private volatile long hangMs = 20_000;
    private volatile long refuseMs = 2_000;
    private volatile double randomRate;
    private volatile List<Fault> randomFaults = List.of();
    private volatile Random random = new Random(1);
    private volatile Consumer<String> onInjected = f -> { };
    private volatile boolean closed;

    public FaultyNode(URI target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private HttpServer listen(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 64);
        s.createContext("/", this::handle);
        s.setExecutor(handlers);
        s.start();
        return s;
    }

    /** The URL a miner talks to. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Forwards to another node from now on (same URL for the miner). */
    public void retarget(URI node) {
        this.target = node;
    }

    /** How long a HANG holds the call (longer than the client's read timeout). */
    public void hangMs(long ms) {
        this.hangMs = ms;
    }

    /** How long a REFUSE keeps the port closed. */
    public void refuseMs(long ms) {
        this.refuseMs = ms;
    }

    /** The next {@code times} calls of {@code method} get {@code fault}. */
    public synchronized void inject(String method, Fault fault, int times) {
        Deque<Fault> q = queued.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(fault);
        }
    }

    /** Every call not already given a fault gets one of {@code faults} with probability {@code rate}. */
    public void randomly(double rate, long seed, List<Fault> faults) {
        this.random = new Random(seed);
        this.randomFaults = List.copyOf(faults);
        this.randomRate = rate;
    }

    /** Forgets every queued and random fault. */
    public synchronized void clear() {
        queued.clear();
        randomRate = 0;
    }

    /** Faults queued by {@link #inject} and not yet served. */
    public synchronized int queuedFaults() {
        return queued.values().stream().mapToInt(Deque::size).sum();
    }

    /** Told the method and fault name of each injection (on the handler thread). */
    public void onInjected(Consumer<String> listener) {
        this.onInjected = listener;
    }

    /** Tasks (non-null results of qfc_getInferenceTask) delivered to the miner whole. */
    public int tasksDelivered() {
        return tasksDelivered.get();
    }

    /** Every fault served, in order. */
    public List<Injection> injections() {
        return List.copyOf(injections);
    }

    public int injected(Fault f) {
        return injected.get(f).get();
    }

    public int totalInjected() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Every submission that reached a node, in order. */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The proofBytes of every forwarded submission of {@code taskId}. */
    public List<String> forwardedProofs(String taskId) {
        List<String> out = new ArrayList<>();
        for (Forwarded f : forwarded) {
            if (f.taskId().equalsIgnoreCase(taskId)) {
                out.add(f.proofBytesHex());
            }
        }
        return out;
    }

    /** Stops listening for {@code d} (connections refused), then listens again on the same port. */
    public void refuseFor(Duration d) {
        synchronized (this) {
            // stops listening at once; calls already forwarded to the node get their answer (up to 1 s), or a refuse
            // would also be a lost answer for whatever submission was in flight (resent: credited twice)
            server.stop(1);
        }
        timer.schedule(this::relisten, d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void relisten() {
        for (int i = 0; i < 50 && !closed; i++) {
            try {
                server = listen(port);
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
    }

    /**
     * The fault for this call, if any, counted in {@link #injected} and recorded in {@link #injections} under the same
     * lock that takes it off the queue, so no one sees the queue empty before the record of what was served.
     */
    private synchronized Fault pick(String method, String taskId) {
        Fault f = choose(method);
        if (f != null) {
            injected.get(f).incrementAndGet();
            injections.add(new Injection(method, f, taskId));
        }
        return f;
    }

    private Fault choose(String method) {
        Deque<Fault> q = queued.get(method);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        if (randomRate > 0 && !randomFaults.isEmpty() && random.nextDouble() < randomRate) {
            Fault f = randomFaults.get(random.nextInt(randomFaults.size()));
            // an oversized input only means something for a task
            return f == Fault.OVERSIZED_INPUT && !method.equals("qfc_getInferenceTask") || f == Fault.ANSWER_HELD
                    ? null : f;
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                request = JSON.createObjectNode();
            }
            String method = request.path("method").asText("");
            JsonNode id = request.path("id");
            calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            Fault fault = pick(method, request.path("params").path(0).path("taskId").asText(""));
            if (fault != null) {
                onInjected.accept(method + " " + fault);
            }
            if (fault == null || fault == Fault.ANSWER_LOST || fault == Fault.ANSWER_HELD
                    || fault == Fault.OVERSIZED_INPUT) {
                byte[] answer = forward(body, method, request);
                if (answer == null) {
                    return; // the node itself is away: the miner sees a dropped connection
                }
                if (fault == Fault.ANSWER_LOST) {
                    return; // the node acted on it; the answer never comes back
                }
                if (fault == Fault.ANSWER_HELD) {
                    sleep(hangMs);
                    return;
                }
                if (fault == Fault.OVERSIZED_INPUT) {
                    answer = oversize(answer);
                }
                send(ex, 200, answer);
                if (method.equals("qfc_getInferenceTask") && !JSON.readTree(answer).path("result").isNull()) {
                    tasksDelivered.incrementAndGet();
                }
                return;
            }
            serveFault(ex, fault, method, id);
        }
    }

    private void serveFault(HttpExchange ex, Fault fault, String method, JsonNode id) throws IOException {
        String idText = id.isMissingNode() ? "null" : id.toString();
        switch (fault) {
            case REFUSE -> refuseFor(Duration.ofMillis(refuseMs));
            case HANG -> sleep(hangMs);
            case HTTP_500 -> send(ex, 500, "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8));
            case HTTP_502 -> send(ex, 502, "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));
            case GARBAGE -> send(ex, 200, "<!doctype html><title>Wi-Fi login</title>\u0000\u00ff garbage"
                    .getBytes(StandardCharsets.UTF_8));
            case TRUNCATED_JSON -> send(ex, 200, ("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"result\":{\"accepted\":tr")
                    .getBytes(StandardCharsets.UTF_8));
            case HUGE_BODY -> huge(ex, idText);
            case WRONG_SHAPE -> send(ex, 200, ("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"result\":"
                    + wrongShape(method) + "}").getBytes(StandardCharsets.UTF_8));
            case METHOD_NOT_FOUND -> send(ex, 200, ("{\"jsonrpc\":\"2.0\",\"id\":" + idText
                    + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}").getBytes(StandardCharsets.UTF_8));
            case DROP_MID_RESPONSE -> {
                byte[] full = ("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"result\":{\"padding\":\""
                        + "x".repeat(4000) + "\"}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, full.length);
                OutputStream out = ex.getResponseBody();
                out.write(full, 0, full.length / 2);
                out.flush();
                // closing short of the declared length makes the server drop the connection
            }
            default -> throw new IllegalStateException("not a served fault: " + fault);
        }
    }

    private static String wrongShape(String method) {
        return switch (method) {
            case "qfc_getInferenceTask" -> "{\"taskId\":42,\"epoch\":\"soon\",\"inputData\":[1,2,3]}";
            case "qfc_submitInferenceProof" -> "\"accepted\"";
            case "qfc_registerMiner" -> "[true]";
            case "qfc_getValidators" -> "{\"validators\":\"none\"}";
            default -> "{\"unexpected\":true}";
        };
    }

    private static void huge(HttpExchange ex, String idText) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0); // chunked
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = ex.getResponseBody()) {
            out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"result\":\"").getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < 9L * 1024 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client stopped reading at its cap: expected
        }
    }

    private byte[] oversize(byte[] answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            if (node.path("result") instanceof ObjectNode task) {
                task.put("inputData", "61".repeat(64 * 1024 + 1));
                return JSON.writeValueAsBytes(node);
            }
        } catch (IOException e) {
            // not JSON: leave it
        }
        return answer;
    }

    private byte[] forward(byte[] body, String method, JsonNode request) {
        // a submission is recorded before it goes, so a test that sees the node's answer also sees the record (the
        // node answers while this call is still waiting); a send that fails takes its record back
        Forwarded sent = null;
        if (method.equals("qfc_submitInferenceProof")) {
            JsonNode p = request.path("params").path(0);
            sent = new Forwarded(p.path("taskId").asText(), p.path("proofBytes").asText());
            forwarded.add(sent);
        }
        try {
            return client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            forwarded.remove(sent);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forwarded.remove(sent);
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/html");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            // stops listening at once; calls already forwarded to the node get their answer (up to 1 s), or a refuse
            // would also be a lost answer for whatever submission was in flight (resent: credited twice)
            server.stop(1);
        }
        timer.shutdownNow();
        handlers.shutdownNow();
    }
}
