package network.qfc.miner.core.protocol.rpc;

/** {@code qfc_nodeInfo}: the node's release, chain id (9000 testnet, 9001 mainnet), peers and state. */
public record NodeInfo(String version, long chainId, long peerCount, boolean isValidator, boolean syncing) {
    static NodeInfo from(ResultObject o) {
        return new NodeInfo(o.text("version"), o.number("chainId"), o.number("peerCount"), o.bool("isValidator"),
                o.bool("syncing"));
    }
}
