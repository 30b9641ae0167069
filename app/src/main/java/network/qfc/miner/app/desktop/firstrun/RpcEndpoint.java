package network.qfc.miner.app.desktop.firstrun;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * An RPC URL the user typed, checked for shape: {@code http} or {@code https} with a host. Plain {@code http} to a
 * host other than this computer is allowed but warned about: proofs and the miner's address travel unencrypted.
 */
public record RpcEndpoint(URI uri) {

    /** Parses {@code text} or throws {@link IllegalArgumentException} saying what is wrong, in the user's words. */
    public static RpcEndpoint parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the node's RPC URL, e.g. http://127.0.0.1:8545");
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("This is not a URL (" + e.getReason() + "). Example: https://rpc.example.org");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The URL must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The URL has no host name. Example: https://rpc.example.org");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Leave the user name and password out of the URL: it is saved in clear");
        }
        return new RpcEndpoint(uri);
    }

    /** The node as shown in messages: scheme, host and port only. */
    public String nodeName() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Whether the host is this computer (localhost, 127.x, ::1). */
    public boolean loopback() {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** A warning to show, for plain http to another computer. */
    public Optional<String> warning() {
        if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback()) {
            return Optional.of("Warning: plain http to another computer. Your address and proofs travel unencrypted and "
                    + "can be altered on the way; use https unless this is your own network.");
        }
        return Optional.empty();
    }
}
