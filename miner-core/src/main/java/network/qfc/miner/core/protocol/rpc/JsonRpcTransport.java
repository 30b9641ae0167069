package network.qfc.miner.core.protocol.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import network.qfc.miner.core.protocol.rpc.RpcException.Kind;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One JSON-RPC 2.0 call per HTTP POST over OkHttp, with connect/read/whole-call timeouts and an answer read as a
 * stream through a byte cap (never buffered beyond it). Turns every failure into a typed {@link RpcException}.
 */
final class JsonRpcTransport implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl url;
    private final String nodeName;
    private final RpcClientConfig config;
    private final OkHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private final AtomicLong ids = new AtomicLong();
    private volatile NodeTimeListener nodeTime;

    JsonRpcTransport(String endpoint, RpcClientConfig config) {
        HttpUrl parsed = endpoint == null ? null : HttpUrl.parse(endpoint.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("the RPC URL must be an http:// or https:// address, e.g. "
                    + "http://127.0.0.1:8545");
        }
        this.url = parsed;
        this.nodeName = parsed.scheme() + "://" + parsed.host() + ":" + parsed.port();
        this.config = config;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // never resend a call on its own (a proof must not go twice); to avoid reusing a keep-alive
                // connection the node has already closed, idle connections are dropped after 5 s
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(2, 5, TimeUnit.SECONDS))
                .followRedirects(false)
                .build();
    }

    /** The node as shown in messages: scheme, host and port only. */
    String nodeName() {
        return nodeName;
    }

    /** Tells {@code listener} the node's {@code Date} header of every answer (null: nobody). */
    void onNodeTime(NodeTimeListener listener) {
        this.nodeTime = listener;
    }

    ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    ArrayNode newArray() {
        return mapper.createArrayNode();
    }

    /** Calls {@code method} and maps its {@code result} (possibly a JSON null) with {@code parse}. */
    <T> T call(String method, ArrayNode params, Function<JsonNode, T> parse) {
        JsonNode result = call(method, params);
        try {
            return parse.apply(result);
        } catch (IllegalArgumentException e) {
            throw new RpcException(Kind.MALFORMED_RESPONSE, method, 0, 0, "node at " + nodeName
                    + " sent an unexpected answer to " + method + ": " + e.getMessage()
                    + "; it may run an incompatible release", e);
        }
    }

    JsonNode call(String method, ArrayNode params) {
        long id = ids.incrementAndGet();
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", id);
        envelope.put("method", method);
        envelope.set("params", params);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON request", e);
        }
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                .header("Accept", "application/json").build();
        try (Response response = http.newCall(request).execute()) {
            observeDate(response);
            if (!response.isSuccessful()) {
                throw new RpcException(Kind.HTTP_STATUS, method, 0, response.code(), "node at " + nodeName
                        + " answered " + method + " with HTTP " + response.code()
                        + (response.code() >= 500 ? "; the node has a problem, try again later"
                        : "; check the RPC URL (it should point at the node's JSON-RPC port)"), null);
            }
            return unwrap(method, id, readBody(method, response.body()));
        } catch (IOException e) {
            throw failure(method, e);
        }
    }

    /** Passes the answer's {@code Date} header on (an absent or unreadable one is ignored). */
    private void observeDate(Response response) {
        NodeTimeListener l = nodeTime;
        String date = response.header("Date");
        if (l == null || date == null) {
            return;
        }
        java.time.Instant at;
        try {
            at = java.time.ZonedDateTime.parse(date.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return;
        }
        l.onNodeTime(response.sentRequestAtMillis(), response.receivedResponseAtMillis(), at);
    }

    private JsonNode readBody(String method, ResponseBody body) throws IOException {
        if (body == null) {
            throw malformed(method, "an empty answer");
        }
        long declared = body.contentLength();
        if (declared > config.maxBodyBytes()) {
            throw tooLarge(method);
        }
        try (InputStream in = new CappedStream(body.byteStream(), config.maxBodyBytes())) {
            JsonNode tree = mapper.readTree(in);
            if (tree == null || tree.isMissingNode()) {
                throw malformed(method, "an empty answer");
            }
            return tree;
        } catch (BodyTooLarge e) {
            throw tooLarge(method);
        } catch (JsonProcessingException e) {
            if (causedBy(e, BodyTooLarge.class)) {
                throw tooLarge(method);
            }
            throw malformed(method, "an answer that is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
    }

    private JsonNode unwrap(String method, long id, JsonNode tree) {
        if (!tree.isObject()) {
            throw malformed(method, "a JSON " + tree.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + " instead of a JSON-RPC object");
        }
        JsonNode version = tree.get("jsonrpc");
        if (version != null && !"2.0".equals(version.asText())) {
            throw malformed(method, "an answer that is not JSON-RPC 2.0");
        }
        JsonNode error = tree.get("error");
        if (error != null && !error.isNull()) {
            throw rpcError(method, error);
        }
        JsonNode answerId = tree.get("id");
        if (answerId != null && !answerId.isNull() && !(answerId.canConvertToLong() && answerId.asLong() == id)
                && !answerId.asText().equals(Long.toString(id))) {
            throw malformed(method, "an answer to another request (id " + QuantityParser.shorten(answerId.toString()) + ")");
        }
        if (!tree.has("result")) {
            throw malformed(method, "an answer with neither result nor error");
        }
        return tree.get("result");
    }

    private RpcException rpcError(String method, JsonNode error) {
        if (!error.isObject() || !error.path("code").canConvertToInt() || !error.path("code").isIntegralNumber()) {
            return malformed(method, "an error object without an integer code");
        }
        int code = error.get("code").intValue();
        String message = clean(error.path("message").asText(""));
        if (code == RpcException.METHOD_NOT_FOUND) {
            return new RpcException(Kind.METHOD_NOT_SUPPORTED, method, code, 0, "node at " + nodeName
                    + " does not support " + method + " (it runs a different QFC release)", null);
        }
        String hint = switch (code) {
            case RpcException.INVALID_PARAMS -> "; the node did not accept the request's fields";
            case RpcException.INTERNAL_ERROR -> "; the node had an internal error, try again later";
            default -> "";
        };
        return new RpcException(Kind.RPC_ERROR, method, code, 0, "node at " + nodeName + " refused " + method
                + ": " + (message.isEmpty() ? "(no message)" : message) + " (JSON-RPC error " + code + ")" + hint, null);
    }

    private RpcException failure(String method, IOException e) {
        if (e instanceof javax.net.ssl.SSLHandshakeException || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
            return new RpcException(Kind.TLS_UNTRUSTED, method, 0, 0, "the TLS certificate of node " + nodeName
                    + " could not be verified (self-signed, expired or for another host): the miner does not talk to"
                    + " a node it cannot verify; use the node's proper https:// address", null);
        }
        if (e instanceof SocketTimeoutException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("connect")) {
                return new RpcException(Kind.TIMEOUT, method, 0, 0, "node at " + nodeName
                        + " did not accept a connection within " + seconds(config.connectTimeout())
                        + "; check the RPC URL or your connection", e);
            }
            return new RpcException(Kind.TIMEOUT, method, 0, 0, "node at " + nodeName + " did not answer "
                    + method + " within " + seconds(config.readTimeout()) + "; check the RPC URL or your connection", e);
        }
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted()) {
                return new RpcException(Kind.UNREACHABLE, method, 0, 0, "call of " + method + " to node at "
                        + nodeName + " was interrupted", e);
            }
            return new RpcException(Kind.TIMEOUT, method, 0, 0, "node at " + nodeName + " did not complete "
                    + method + " within " + seconds(config.callTimeout()) + "; check the RPC URL or your connection", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new RpcException(Kind.UNREACHABLE, method, 0, 0, "could not connect to the node at " + nodeName
                    + "; check the RPC URL and that the node is running", e);
        }
        if (e instanceof UnknownHostException) {
            return new RpcException(Kind.UNREACHABLE, method, 0, 0, "cannot find the host of node " + nodeName
                    + "; check the RPC URL and your internet connection", e);
        }
        return new RpcException(Kind.UNREACHABLE, method, 0, 0, "connection to the node at " + nodeName
                + " dropped during " + method + "; check your connection, it will be retried", e);
    }

    private RpcException malformed(String method, String what) {
        return new RpcException(Kind.MALFORMED_RESPONSE, method, 0, 0, "node at " + nodeName + " sent " + what
                + " to " + method + "; check that the RPC URL points at a QFC node", null);
    }

    private RpcException tooLarge(String method) {
        return new RpcException(Kind.RESPONSE_TOO_LARGE, method, 0, 0, "node at " + nodeName + " sent an answer to "
                + method + " larger than " + size(config.maxBodyBytes()) + "; it was not read", null);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MiB" : bytes + " bytes";
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.lines().findFirst().orElse("");
        return QuantityParser.shorten(t);
    }

    /** The node's own error text, made printable and short. */
    private static String clean(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]", " ").trim();
        return t.length() <= 300 ? t : t.substring(0, 297) + "...";
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Signals that the answer passed the cap. */
    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("answer larger than the cap");
        }
    }

    /** Counts bytes as they are read and fails past the cap. */
    private static final class CappedStream extends FilterInputStream {
        private final long cap;
        private long count;

        CappedStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws BodyTooLarge {
            count += n;
            if (count > cap) {
                throw new BodyTooLarge();
            }
        }
    }
}
