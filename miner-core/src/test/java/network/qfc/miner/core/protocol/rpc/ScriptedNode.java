package network.qfc.miner.core.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 that records JSON-RPC requests and answers as a test scripts it. */
final class ScriptedNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** How the node answers one exchange. */
    interface Reply {
        void send(JsonNode request, HttpExchange ex) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Reply reply;

    ScriptedNode(Reply reply) throws IOException {
        this.reply = reply;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try (ex) {
                JsonNode req;
                try (InputStream in = ex.getRequestBody()) {
                    req = JSON.readTree(in);
                }
                requests.add(req);
                this.reply.send(req, ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client went away: expected in the failure tests
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/secret-path?apikey=hunter2";
    }

    List<JsonNode> requests() {
        return requests;
    }

    void reply(Reply r) {
        this.reply = r;
    }

    /** Blocks a stalling handler until the test ends (or 60 s). */
    void awaitRelease() throws InterruptedException {
        released.await(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    // ---- replies ---------------------------------------------------------------------------------------------

    /** {"jsonrpc":"2.0","id":<the request's>,"result":<resultJson>} */
    static Reply result(String resultJson) {
        return (req, ex) -> send(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + resultJson + "}");
    }

    static Reply error(int code, String message) {
        return (req, ex) -> send(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"error\":{\"code\":" + code
                + ",\"message\":" + JSON.writeValueAsString(message) + "}}");
    }

    static Reply raw(int status, String body) {
        return (req, ex) -> send(ex, status, body);
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
