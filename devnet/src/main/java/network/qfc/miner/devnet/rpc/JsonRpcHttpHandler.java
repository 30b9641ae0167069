package network.qfc.miner.devnet.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import network.qfc.miner.devnet.http.HttpMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP POST, like the node's jsonrpsee server: single calls and batches, -32700 for bad JSON,
 * -32600 for a request that is not JSON-RPC 2.0, -32601 for an unknown method; 405 for a method other than POST,
 * 415 for a content type that is not JSON (the server answers 413 for a body over {@link #MAX_BODY_BYTES}). A fault
 * in a handler is -32603, never a dropped connection.
 */
public final class JsonRpcHttpHandler implements HttpMessages.Handler {
    /** jsonrpsee's default request limit: 10 MiB. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcHttpHandler.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PLAIN = "text/plain; charset=utf-8";

    private final RpcDispatcher dispatcher;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    public JsonRpcHttpHandler(RpcDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public HttpMessages.Response handle(HttpMessages.Request request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return new HttpMessages.Response(405, PLAIN, bytes("Method Not Allowed: JSON-RPC takes HTTP POST"),
                    Map.of("Allow", "POST"));
        }
        String contentType = request.header("content-type").orElse(null);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return HttpMessages.Response.of(415, PLAIN,
                    bytes("Supplied content type is not allowed, Content-Type: application/json is"));
        }
        JsonNode response = answer(request.body());
        if (response == null) {
            return HttpMessages.Response.noContent(); // notifications only: nothing to answer
        }
        try {
            return HttpMessages.Response.of(200, "application/json; charset=utf-8", mapper.writeValueAsBytes(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON answer to a request body (null when it held only notifications). */
    JsonNode answer(byte[] body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return error(JSON.nullNode(), RpcError.parseError(e.getOriginalMessage()));
        } catch (IOException e) {
            return error(JSON.nullNode(), RpcError.parseError(e.getMessage()));
        }
        if (request == null || request.isMissingNode()) {
            return error(JSON.nullNode(), RpcError.parseError("empty body"));
        }
        if (request.isArray()) {
            if (request.isEmpty()) {
                return error(JSON.nullNode(), RpcError.invalidRequest("empty batch"));
            }
            ArrayNode out = JSON.arrayNode();
            for (JsonNode call : request) {
                JsonNode r = single(call);
                if (r != null) {
                    out.add(r);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return single(request);
    }

    private JsonNode single(JsonNode call) {
        if (!call.isObject()) {
            return error(JSON.nullNode(), RpcError.invalidRequest("a request must be a JSON object"));
        }
        JsonNode id = call.get("id");
        JsonNode idOut = id == null ? JSON.nullNode() : id;
        if (id != null && !(id.isNull() || id.isTextual() || id.isIntegralNumber())) {
            return error(JSON.nullNode(), RpcError.invalidRequest("id must be a number, a string or null"));
        }
        JsonNode version = call.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            return error(idOut, RpcError.invalidRequest("jsonrpc must be \"2.0\""));
        }
        JsonNode method = call.get("method");
        if (method == null || !method.isTextual()) {
            return error(idOut, RpcError.invalidRequest("method must be a string"));
        }
        JsonNode result;
        try {
            result = dispatcher.call(method.asText(), call.get("params"));
        } catch (RpcError e) {
            return id == null ? null : error(idOut, e);
        } catch (RuntimeException e) {
            LOG.error("internal error in {}", method.asText(), e);
            return id == null ? null : error(idOut, new RpcError(RpcError.INTERNAL_ERROR, "Internal error", e.toString()));
        }
        if (id == null) {
            return null;
        }
        ObjectNode out = JSON.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("result", result == null ? JSON.nullNode() : result);
        out.set("id", idOut);
        return out;
    }

    private static ObjectNode error(JsonNode id, RpcError e) {
        ObjectNode out = JSON.objectNode();
        out.put("jsonrpc", "2.0");
        ObjectNode err = out.putObject("error");
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.data() != null) {
            err.put("data", e.data());
        }
        out.set("id", id);
        return out;
    }
}
