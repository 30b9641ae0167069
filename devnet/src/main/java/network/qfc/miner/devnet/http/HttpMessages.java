package network.qfc.miner.devnet.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The request and answer shapes of {@link DevnetHttpServer}. */
public final class HttpMessages {
    private HttpMessages() {
    }

    /** One HTTP request: method, target, headers (names lower-cased; the last of repeated ones), the whole body. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        public Request {
            headers = Map.copyOf(headers);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * One answer. {@code body} null means none (204); {@code extraHeaders} are written as given (never {@code Date},
     * {@code Content-Length} or {@code Connection}: the server writes those).
     */
    public record Response(int status, String contentType, byte[] body, Map<String, String> extraHeaders) {
        public Response {
            extraHeaders = Map.copyOf(extraHeaders);
        }

        public static Response of(int status, String contentType, byte[] body) {
            return new Response(status, contentType, body, Map.of());
        }

        public static Response noContent() {
            return new Response(204, null, null, Map.of());
        }
    }

    /** What answers requests. A RuntimeException becomes a 500. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status " + status;
        };
    }
}
