package network.qfc.miner.app.desktop.firstrun;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 answering JSON-RPC like a QFC node (only what setup asks), or something else. */
public final class LoopbackNode implements AutoCloseable {
    /** The node's answer to qfc_nodeInfo (qfc-protocol.md: version, chainId, peerCount, isValidator, syncing). */
    public static final String NODE_INFO = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"version\":\"2.0.1\","
            + "\"chainId\":\"0x2328\",\"peerCount\":\"0x3\",\"isValidator\":false,\"syncing\":false}}";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private LoopbackNode(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                calls.incrementAndGet();
                String answer = request.contains("\"qfc_nodeInfo\"") ? body
                        : "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A node that answers qfc_nodeInfo with {@link #NODE_INFO}. */
    public static LoopbackNode up() throws IOException {
        return new LoopbackNode(200, NODE_INFO);
    }

    /** A server answering {@code status} with {@code body} to everything. */
    public static LoopbackNode answering(int status, String body) throws IOException {
        return new LoopbackNode(status, body);
    }

    /** A URL on 127.0.0.1 where nothing listens (a port just freed). */
    public static String downUrl() throws IOException {
        LoopbackNode n = up();
        String url = n.url();
        n.close();
        return url;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
