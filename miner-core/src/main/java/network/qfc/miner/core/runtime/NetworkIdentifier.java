package network.qfc.miner.core.runtime;

import network.qfc.miner.core.journal.NetworkIdentity;
import network.qfc.miner.core.mining.NodeHealth;
import network.qfc.miner.core.protocol.rpc.EpochInfo;
import network.qfc.miner.core.protocol.rpc.NodeInfo;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the node which network it serves: its chain id ({@code qfc_nodeInfo}) and, on a chain that is not the public
 * testnet or mainnet, its genesis time, read off {@code qfc_getEpoch} (the start of epoch 1: the current epoch's start
 * less its number of epochs), so each start of a devnet is a network of its own. What the node does not answer is
 * left out (a node without a chain id is known by its address); a node not reachable is an {@link RpcException} to retry.
 */
final class NetworkIdentifier {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkIdentifier.class);

    private NetworkIdentifier() {
    }

    /** The network, and the node's info when it answered (null otherwise). */
    record Identified(NetworkIdentity network, NodeInfo info) {
    }

    static Identified identify(QfcRpcClient rpc, NodeHealth health, String endpoint) {
        NodeInfo info;
        try {
            info = health.call(rpc::nodeInfo);
        } catch (RpcException e) {
            if (e.isTransient()) {
                throw e; // not reachable yet: asked again with the registration's back-off
            }
            LOG.info("node info not available ({}): its journal is named after its address", e.getMessage());
            return new Identified(new NetworkIdentity(NetworkIdentity.UNKNOWN_CHAIN, 0, endpoint), null);
        }
        long genesis = 0;
        if (!NetworkIdentity.isPublic(info.chainId())) {
            try {
                EpochInfo epoch = health.call(rpc::getEpoch);
                genesis = Math.max(0, epoch.startTime() - Math.max(0, epoch.number() - 1) * epoch.durationMs());
            } catch (RpcException e) {
                if (e.isTransient()) {
                    throw e;
                }
                LOG.info("the node's epoch is not available ({}): chain {} is known by its id alone",
                        e.getMessage(), info.chainId());
            }
        }
        return new Identified(new NetworkIdentity(info.chainId(), genesis, endpoint), info);
    }
}
