package network.qfc.miner.devnet.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for the devnet: persistent connections (one thread per open connection, closed after
 * {@link #IDLE_TIMEOUT_MS} idle), {@code Content-Length} and chunked request bodies, {@code Expect: 100-continue},
 * TCP_NODELAY. It exists because every answer must carry a {@code Date} header read from the DEVNET's clock (which
 * may run offset from this computer's, for clock-skew tests), and the JDK's built-in server always overwrites
 * {@code Date} with the system time.
 */
public final class DevnetHttpServer implements AutoCloseable {
    /** How long a kept-alive connection may sit idle before the server closes it. */
    public static final int IDLE_TIMEOUT_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(DevnetHttpServer.class);
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ServerSocket socket;
    private final Clock clock;
    private final HttpMessages.Handler handler;
    private final int maxBodyBytes;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private DevnetHttpServer(ServerSocket socket, Clock clock, HttpMessages.Handler handler, int maxBodyBytes,
            String threadPrefix) {
        this.socket = socket;
        this.clock = clock;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadPrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, threadPrefix + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code bind:port} (0 = any free port) and answers with {@code handler}; {@code Date} headers come from
     * {@code clock}; request bodies over {@code maxBodyBytes} are answered 413.
     */
    public static DevnetHttpServer start(InetAddress bind, int port, int backlog, Clock clock,
            HttpMessages.Handler handler, int maxBodyBytes, String threadPrefix) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, port), backlog);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        DevnetHttpServer server = new DevnetHttpServer(s, clock, handler, maxBodyBytes, threadPrefix);
        server.acceptor.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The {@code Date} header value for now on the server's clock. */
    public String httpDate() {
        return HTTP_DATE.format(clock.instant());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("accept failed: {}", e.toString());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                keepAlive = exchange(in, out);
            }
        } catch (SocketTimeoutException | SocketException e) {
            LOG.trace("connection ended: {}", e.toString());
        } catch (IOException e) {
            LOG.debug("connection dropped: {}", e.toString());
        } finally {
            open.remove(s);
        }
    }

    /** Reads one request and answers it; false when the connection is to be closed. */
    private boolean exchange(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return false;
        }
        if (requestLine.isEmpty()) {
            return true; // a stray CRLF between requests is allowed
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            write(out, HttpMessages.Response.of(400, "text/plain; charset=utf-8",
                    bytes("Bad Request: not an HTTP/1.x request line")), false);
            return false;
        }
        Map<String, String> headers = readHeaders(in);
        if (headers == null) {
            write(out, HttpMessages.Response.of(431, "text/plain; charset=utf-8", bytes("Too many or too long headers")),
                    false);
            return false;
        }
        boolean http10 = parts[2].equals("HTTP/1.0");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write(bytes("HTTP/1.1 100 Continue\r\n\r\n"));
            out.flush();
        }
        byte[] body;
        String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (transfer.contains("chunked")) {
            body = readChunked(in);
        } else {
            long length;
            try {
                length = Long.parseLong(headers.getOrDefault("content-length", "0").trim());
            } catch (NumberFormatException e) {
                write(out, HttpMessages.Response.of(400, "text/plain; charset=utf-8", bytes("Bad Content-Length")), false);
                return false;
            }
            body = length > maxBodyBytes ? null : in.readNBytes((int) Math.max(0, length));
            if (body != null && body.length < length) {
                return false; // the client went away mid-body
            }
        }
        if (body == null) {
            write(out, HttpMessages.Response.of(413, "text/plain; charset=utf-8",
                    bytes("Request body too large (limit " + maxBodyBytes + " bytes)")), false);
            return false;
        }
        HttpMessages.Response response;
        try {
            response = handler.handle(new HttpMessages.Request(parts[0], parts[1], headers, body));
        } catch (RuntimeException e) {
            LOG.error("the devnet's HTTP handler failed", e);
            response = HttpMessages.Response.of(500, "text/plain; charset=utf-8", bytes("Internal Server Error"));
        }
        write(out, response, keepAlive);
        return keepAlive;
    }

    private void write(OutputStream out, HttpMessages.Response r, boolean keepAlive) throws IOException {
        StringBuilder h = new StringBuilder(160);
        h.append("HTTP/1.1 ").append(r.status()).append(' ').append(HttpMessages.reason(r.status())).append("\r\n");
        h.append("Date: ").append(httpDate()).append("\r\n");
        if (r.contentType() != null) {
            h.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        r.extraHeaders().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        if (r.status() != 204) {
            h.append("Content-Length: ").append(r.body() == null ? 0 : r.body().length).append("\r\n");
        }
        if (!keepAlive) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (r.status() != 204 && r.body() != null) {
            out.write(r.body());
        }
        out.flush();
    }

    private Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i <= MAX_HEADERS; i++) {
            String line = readLine(in);
            if (line == null) {
                throw new SocketException("connection closed in the headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return null;
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new SocketException("connection closed in a chunked body");
            }
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size '" + sizeLine + "'");
            }
            if (size == 0) {
                while (true) { // trailers
                    String t = readLine(in);
                    if (t == null || t.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            if (body.size() + size > maxBodyBytes) {
                return null;
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new SocketException("connection closed in a chunk");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    /** A line without its CRLF (or LF); null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            line.write(c);
        }
        return line.size() == 0 ? null : new String(line.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket: {}", e.toString());
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.trace("closing a connection: {}", e.toString());
            }
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
