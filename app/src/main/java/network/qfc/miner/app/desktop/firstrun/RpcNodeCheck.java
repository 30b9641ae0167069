package network.qfc.miner.app.desktop.firstrun;

import java.time.Duration;
import network.qfc.miner.core.protocol.rpc.NodeInfo;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcClientConfig;
import network.qfc.miner.core.protocol.rpc.RpcException;

/**
 * {@link NodeCheck} through the miner's own JSON-RPC client: one {@code qfc_nodeInfo} call with a connect timeout
 * and a whole-call deadline, every failure turned into a sentence for the setup screen.
 */
public final class RpcNodeCheck implements NodeCheck {
    private final RpcClientConfig config;

    public RpcNodeCheck(RpcClientConfig config) {
        this.config = config;
    }

    /** Connect within 5 s, answer within 10 s, at most 64 KiB. */
    public static RpcNodeCheck withDefaultTimeouts() {
        return new RpcNodeCheck(new RpcClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                64 * 1024));
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
        long start = System.nanoTime();
        try (QfcRpcClient client = new QfcRpcClient(endpoint.uri().toString(), config)) {
            NodeInfo info = client.nodeInfo();
            return NodeStatus.up(info.chainId(), info.version(), (System.nanoTime() - start) / 1_000_000);
        } catch (RpcException e) {
            return NodeStatus.down(switch (e.kind()) {
                case UNREACHABLE -> "Nothing answers at " + node + ": check the URL, or that the node is running.";
                case TIMEOUT -> node + " did not answer in time: check the URL and your network, or try later.";
                case HTTP_STATUS -> node + " answered HTTP " + e.httpStatus() + ": is this the RPC URL of a QFC node?";
                case MALFORMED_RESPONSE, RESPONSE_TOO_LARGE ->
                        node + " did not answer like a QFC node: is this the right RPC URL?";
                case METHOD_NOT_SUPPORTED -> node + " does not know qfc_nodeInfo: it is not a QFC node, or a very different release.";
                case RPC_ERROR, TLS_UNTRUSTED -> e.getMessage();
            });
        } catch (RuntimeException e) {
            return NodeStatus.down("Could not talk to " + node + ": " + e.getMessage());
        }
    }
}
