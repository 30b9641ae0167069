package network.qfc.miner.app.desktop.firstrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@link NodeCheck} by one JSON-RPC 2.0 call of {@code qfc_nodeInfo} over HTTP, with a connect timeout and a
 * whole-call deadline, the answer capped in size, chain id read as hex or decimal.
 */
public final class JsonRpcNodeCheck implements NodeCheck {
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration connectTimeout;
    private final Duration callTimeout;

    public JsonRpcNodeCheck(Duration connectTimeout, Duration callTimeout) {
        this.connectTimeout = connectTimeout;
        this.callTimeout = callTimeout;
    }

    /** Connect within 5 s, answer within 10 s. */
    public static JsonRpcNodeCheck withDefaultTimeouts() {
        return new JsonRpcNodeCheck(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Override
    public NodeStatus check(String rpcUrl) {
        RpcEndpoint endpoint;
        try {
            endpoint = RpcEndpoint.parse(rpcUrl);
        } catch (IllegalArgumentException e) {
            return NodeStatus.down(e.getMessage());
        }
        String node = endpoint.nodeName();
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri()).timeout(callTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_nodeInfo\",\"params\":[]}"))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (answer.statusCode() / 100 != 2) {
                return NodeStatus.down(node + " answered HTTP " + answer.statusCode()
                        + ": is this the RPC URL of a QFC node?");
            }
            if (answer.body().length > MAX_ANSWER_BYTES) {
                return NodeStatus.down(node + " answered far more than node info: is this a QFC node?");
            }
            return read(node, json.readTree(answer.body()), ms);
        } catch (HttpConnectTimeoutException e) {
            return NodeStatus.down("No connection to " + node + " within " + connectTimeout.toSeconds()
                    + " s: check the URL and your network.");
        } catch (HttpTimeoutException e) {
            return NodeStatus.down(node + " did not answer within " + callTimeout.toSeconds() + " s: it may be overloaded; try later.");
        } catch (ConnectException e) {
            return NodeStatus.down("Nothing answers at " + node + ": check the URL, or that the node is running.");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return NodeStatus.down(node + " answered something that is not JSON: is this the RPC URL of a QFC node?");
        } catch (IOException e) {
            return NodeStatus.down("Could not talk to " + node + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): check the URL and your network.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeStatus.down("The check of " + node + " was cancelled.");
        }
    }

    private static NodeStatus read(String node, JsonNode root, long ms) {
        if (root == null || !root.isObject() || !"2.0".equals(root.path("jsonrpc").asText())) {
            return NodeStatus.down(node + " did not answer in JSON-RPC 2.0: is this the RPC URL of a QFC node?");
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            if (error.path("code").asInt() == -32601) {
                return NodeStatus.down(node + " does not know qfc_nodeInfo: it is not a QFC node, or a very different release.");
            }
            return NodeStatus.down(node + " answered with an error: " + error.path("message").asText("no message"));
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            return NodeStatus.down(node + " answered without node info: is this a QFC node?");
        }
        try {
            long chainId = quantity(result.get("chainId"));
            String version = result.path("version").asText("unknown");
            return NodeStatus.up(chainId, version, ms);
        } catch (IllegalArgumentException e) {
            return NodeStatus.down(node + " sent node info without a readable chain id: is this a QFC node?");
        }
    }

    /** A JSON number, a decimal string or a 0x hex string. */
    static long quantity(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing");
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            return Long.parseLong(s.substring(2), 16);
        }
        return Long.parseLong(s);
    }
}
