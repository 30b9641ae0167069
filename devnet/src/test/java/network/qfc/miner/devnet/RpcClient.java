package network.qfc.miner.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A plain JSON-RPC client over the JDK's HttpClient, for tests: real HTTP to the devnet on loopback. */
final class RpcClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final AtomicLong ids = new AtomicLong();

    RpcClient(URI url) {
        this.url = url;
    }

    /** The whole response object of a call with {@code params}. */
    JsonNode call(String method, JsonNode params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", ids.incrementAndGet());
        req.put("method", method);
        if (params != null) {
            req.set("params", params);
        }
        return parse(raw(req.toString()).body());
    }

    /** Calls with params = [object]. */
    JsonNode callWith(String method, JsonNode object) {
        ArrayNode params = JSON.createArrayNode();
        params.add(object);
        return call(method, params);
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, JsonNode params) {
        JsonNode r = call(method, params);
        if (r.has("error")) {
            throw new AssertionError(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    JsonNode resultWith(String method, JsonNode object) {
        ArrayNode params = JSON.createArrayNode();
        params.add(object);
        return result(method, params);
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static ArrayNode params(String... values) {
        ArrayNode a = JSON.createArrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    HttpResponse<String> raw(String body) {
        return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI url() {
        return url;
    }
}
