package network.qfc.miner.core.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Serves {@link MinerMetrics} on {@code http://127.0.0.1:PORT/metrics} with the official Prometheus HTTP server. Bound
 * to loopback only: a user who wants it elsewhere puts a Prometheus agent or a proxy beside it.
 */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Starts serving; {@code port} 0 picks a free port. */
    public static MetricsServer start(MinerMetrics metrics, int port) {
        Objects.requireNonNull(metrics, "metrics");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0..65535, got " + port);
        }
        try {
            return new MetricsServer(HTTPServer.builder().inetAddress(InetAddress.getLoopbackAddress()).port(port)
                    .registry(metrics.registry()).buildAndStart());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another --metrics-port", e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
