package network.qfc.miner.core.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.probe.GpuTier;
import network.qfc.miner.core.protocol.rpc.RpcException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Every way a node can fail a miner, each ending in a typed {@link RpcException} and never a hang. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against hangs, not a speed assertion
class QfcRpcClientFailuresTest {
    static final Address MINER = Address.parse("ab".repeat(20));
    static final TaskRequest TASK_REQUEST = new TaskRequest(MINER, GpuTier.COLD, 2048, ComputeBackend.CPU);
    static final String TASK_ID = "22".repeat(32);

    ScriptedNode node;
    QfcRpcClient client;
    final List<AutoCloseable> extra = new ArrayList<>();

    QfcRpcClient client(ScriptedNode.Reply reply, RpcClientConfig config) throws Exception {
        node = new ScriptedNode(reply);
        client = new QfcRpcClient(node.url(), config);
        return client;
    }

    QfcRpcClient client(ScriptedNode.Reply reply) throws Exception {
        return client(reply, RpcClientConfig.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
        for (AutoCloseable c : extra) {
            c.close();
        }
    }

    static void assertFails(Runnable call, Kind kind, boolean transientFailure, ThrowingConsumer<RpcException> more) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.isTransient()).as("transient: " + e.getMessage()).isEqualTo(transientFailure);
            assertThat(e.getMessage()).contains("127.0.0.1").doesNotContain("hunter2").doesNotContain("secret-path");
            try {
                more.accept(e);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
    }

    static void assertFails(Runnable call, Kind kind, boolean transientFailure) {
        assertFails(call, kind, transientFailure, e -> { });
    }

    // ---- transport ---------------------------------------------------------------------------------------------

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client = new QfcRpcClient("http://user:hunter2@127.0.0.1:" + port + "/secret-path");
        assertFails(client::nodeInfo, Kind.UNREACHABLE, true,
                e -> assertThat(e.getMessage()).contains("could not connect").contains("check the RPC URL"));
    }

    @Test
    void connectTimeoutWhenTheNodeNeverAccepts() throws Exception {
        // a listening socket that never accepts, with its tiny accept queue filled: new SYNs are dropped
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        extra.add(s);
        for (int i = 0; i < 8; i++) {
            Socket filler = new Socket();
            extra.add(filler);
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort()), 200);
            } catch (IOException full) {
                break;
            }
        }
        client = new QfcRpcClient("http://127.0.0.1:" + s.getLocalPort(),
                new RpcClientConfig(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertFails(client::nodeInfo, Kind.TIMEOUT, true,
                e -> assertThat(e.getMessage()).contains("did not accept a connection within 300 ms"));
    }

    @Test
    void readTimeoutWhenTheNodeStalls() throws Exception {
        client(ScriptedNode.result("{}"), new RpcClientConfig(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(20)));
        node.reply((req, ex) -> node.awaitRelease());
        assertFails(client::nodeInfo, Kind.TIMEOUT, true, e -> assertThat(e.getMessage())
                .contains("did not answer qfc_nodeInfo within 300 ms; check the RPC URL or your connection"));
    }

    @Test
    void wholeCallDeadlineWhenTheNodeTrickles() throws Exception {
        client(ScriptedNode.result("{}"), new RpcClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(700)));
        node.reply((req, ex) -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 600; i++) { // one space every 100 ms: never idle long enough for the read timeout
                out.write(' ');
                out.flush();
                Thread.sleep(100);
            }
        });
        assertFails(client::nodeInfo, Kind.TIMEOUT, true,
                e -> assertThat(e.getMessage()).contains("did not complete qfc_nodeInfo within 700 ms"));
    }

    @Test
    void connectionDroppedMidAnswer() throws Exception {
        client(ScriptedNode.result("{}"));
        node.reply((req, ex) -> {
            ex.sendResponseHeaders(200, 1000);
            OutputStream out = ex.getResponseBody();
            out.write("{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("drop"); // the exchange closes with 983 bytes missing
        });
        assertFails(client::nodeInfo, Kind.UNREACHABLE, true,
                e -> assertThat(e.getMessage()).contains("dropped during qfc_nodeInfo"));
    }

    @Test
    void httpErrors() throws Exception {
        client(ScriptedNode.raw(500, "internal"));
        assertFails(client::nodeInfo, Kind.HTTP_STATUS, true, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.getMessage()).contains("HTTP 500").contains("try again later");
        });
        node.reply(ScriptedNode.raw(502, "<html>bad gateway</html>"));
        assertFails(client::nodeInfo, Kind.HTTP_STATUS, true, e -> assertThat(e.httpStatus()).isEqualTo(502));
        node.reply(ScriptedNode.raw(404, "not found"));
        assertFails(client::nodeInfo, Kind.HTTP_STATUS, false, e -> assertThat(e.getMessage()).contains("check the RPC URL"));
    }

    // ---- answers that are not JSON-RPC ------------------------------------------------------------------------

    @Test
    void nonJsonBody() throws Exception {
        client(ScriptedNode.raw(200, "<html><body>Welcome to nginx</body></html>"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("not valid JSON"));
    }

    @Test
    void truncatedJson() throws Exception {
        client(ScriptedNode.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"version\":\"2.0"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("not valid JSON"));
    }

    @Test
    void emptyBodyTrailingGarbageAndNonObjects() throws Exception {
        client(ScriptedNode.raw(200, ""));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false);
        node.reply(ScriptedNode.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":true} x"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false);
        node.reply(ScriptedNode.raw(200, "[1,2]"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false);
        node.reply(ScriptedNode.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":4}"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("neither result nor error"));
        node.reply(ScriptedNode.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":null}"));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("another request"));
    }

    @Test
    void jsonRpcErrorsKeepCodeAndMessage() throws Exception {
        client(ScriptedNode.error(-32000, "Failed to deserialize proof: Unexpected length of input"));
        assertFails(client::nodeInfo, Kind.RPC_ERROR, false, e -> {
            assertThat(e.rpcCode()).isEqualTo(-32000);
            assertThat(e.method()).isEqualTo("qfc_nodeInfo");
            assertThat(e.getMessage()).contains("Failed to deserialize proof: Unexpected length of input")
                    .contains("-32000");
        });
        node.reply(ScriptedNode.error(-32603, "internal error"));
        assertFails(client::nodeInfo, Kind.RPC_ERROR, true, e -> assertThat(e.rpcCode()).isEqualTo(-32603));
        node.reply(ScriptedNode.error(-32602, "invalid type: floating point `1.5`, expected u64"));
        assertFails(client::nodeInfo, Kind.RPC_ERROR, false, e -> assertThat(e.rpcCode()).isEqualTo(-32602));
        node.reply(ScriptedNode.error(-32601, "Method not found"));
        assertFails(client::nodeInfo, Kind.METHOD_NOT_SUPPORTED, false,
                e -> assertThat(e.getMessage()).contains("does not support qfc_nodeInfo"));
        node.reply(ScriptedNode.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"message\":\"no code\"}}"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false);
    }

    // ---- results of the wrong shape ----------------------------------------------------------------------------

    @Test
    void resultOfTheWrongShape() throws Exception {
        client(ScriptedNode.result("[]"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("should be an object"));
        node.reply(ScriptedNode.result("{\"version\":\"2.0.0\",\"chainId\":\"0x2328\",\"isValidator\":true,\"syncing\":false}"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("missing field 'peerCount'"));
        node.reply(ScriptedNode.result("{\"version\":\"2.0.0\",\"chainId\":\"0x2328\",\"peerCount\":1.5,"
                + "\"isValidator\":true,\"syncing\":false}"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("fraction"));
        node.reply(ScriptedNode.result("{\"version\":\"2.0.0\",\"chainId\":\"0xZZ\",\"peerCount\":-1,"
                + "\"isValidator\":true,\"syncing\":false}"));
        assertFails(client::nodeInfo, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("chainId"));
        node.reply(ScriptedNode.result("{\"number\":\"0x1\",\"startTime\":\"0x1\",\"durationMs\":\"0x" + "f".repeat(20) + "\"}"));
        assertFails(client::getEpoch, Kind.MALFORMED_RESPONSE, false, e -> assertThat(e.getMessage()).contains("too large"));
        node.reply(ScriptedNode.result("[{\"address\":\"0x1234\",\"stake\":\"0x1\",\"contributionScore\":\"0x1\","
                + "\"isActive\":true}]"));
        assertFails(client::getValidators, Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("validators[0].address"));
    }

    static String task(String taskId, String inputHex, String deadline) {
        return "{\"taskId\":\"" + taskId + "\",\"epoch\":1,\"taskType\":\"embedding\",\"modelName\":\"qfc-embed-small\","
                + "\"modelVersion\":\"v1.0\",\"inputData\":\"" + inputHex + "\",\"deadline\":" + deadline + "}";
    }

    @Test
    void taskValidation() throws Exception {
        client(ScriptedNode.result(task(TASK_ID, "zz", "1763769630000")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("inputData").contains("not valid hex"));
        node.reply(ScriptedNode.result(task(TASK_ID, "abc", "1763769630000")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("odd number"));
        node.reply(ScriptedNode.result(task("22".repeat(31), "", "1763769630000")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("taskId must be 32 bytes"));
        node.reply(ScriptedNode.result(task("g".repeat(64), "", "1763769630000")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("taskId"));
        node.reply(ScriptedNode.result(task(TASK_ID, "00".repeat(64 * 1024 + 1), "1763769630000")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("more than the 64 KiB"));
        node.reply(ScriptedNode.result(task(TASK_ID, "", "1763769630")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false,
                e -> assertThat(e.getMessage()).contains("deadline"));
        node.reply(ScriptedNode.result(task(TASK_ID, "", "-1")));
        assertFails(() -> client.getInferenceTask(TASK_REQUEST), Kind.MALFORMED_RESPONSE, false);
        node.reply(ScriptedNode.result(task(TASK_ID, "00".repeat(64 * 1024), "1763769630000")));
        assertThat(client.getInferenceTask(TASK_REQUEST).orElseThrow().inputData()).hasSize(64 * 1024);
    }

    // ---- size cap ------------------------------------------------------------------------------------------------

    @Test
    void streamedBodyOverTheCapIsCutOff() throws Exception {
        client(ScriptedNode.result("{}"));
        node.reply((req, ex) -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length announced
            OutputStream out = ex.getResponseBody();
            out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 9 * 16; i++) { // 9 MiB
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        });
        assertFails(() -> client.getStake(MINER), Kind.RESPONSE_TOO_LARGE, false,
                e -> assertThat(e.getMessage()).contains("larger than 8 MiB"));
    }

    @Test
    void announcedBodyOverTheCapIsRefusedUnread() throws Exception {
        client(ScriptedNode.result("{}"), new RpcClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 1024));
        node.reply((req, ex) -> ScriptedNode.send(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\""
                + "a".repeat(2000) + "\"}"));
        assertFails(() -> client.getStake(MINER), Kind.RESPONSE_TOO_LARGE, false,
                e -> assertThat(e.getMessage()).contains("larger than 1024 bytes"));
    }

    @Test
    void badEndpointsAreRefusedUpFront() {
        assertThatThrownBy(() -> new QfcRpcClient("127.0.0.1:8545")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> new QfcRpcClient("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    }
}
