package network.qfc.miner.core.protocol.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 JSON-RPC server on 127.0.0.1 whose clock is this computer's plus an offset, said in the
 * {@code Date} header of every answer (the JDK's HttpServer always writes its own Date, so this one is made of plain
 * sockets). It answers every call with {@code qfc_getEpoch}'s shape; one connection per call.
 */
final class DatedNode implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile Duration offset;

    DatedNode(Duration offset) throws IOException {
        this.offset = offset;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "dated-node");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void setOffset(Duration d) {
        this.offset = d;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                answer(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void answer(Socket s) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        int length = 0;
        for (String line; !(line = readLine(in)).isEmpty(); ) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String id = body.replaceAll(".*\"id\"\\s*:\\s*(\\d+).*", "$1");
        byte[] out = ("{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"result\":{\"number\":\"0x5\",\"startTime\":\"0x0\",\"durationMs\":\"0x2710\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(offset).atZone(ZoneOffset.UTC));
        OutputStream o = s.getOutputStream();
        o.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nDate: " + date
                + "\r\nContent-Length: " + out.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        o.write(out);
        o.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
