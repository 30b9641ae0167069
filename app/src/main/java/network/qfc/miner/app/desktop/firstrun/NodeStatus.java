package network.qfc.miner.app.desktop.firstrun;

/**
 * What a live {@code qfc_nodeInfo} check found: the node's chain and release and how long it took to answer, or
 * why it could not be asked, in words for the user.
 */
public record NodeStatus(boolean reachable, long chainId, String version, long latencyMs, String problem) {

    public static NodeStatus up(long chainId, String version, long latencyMs) {
        return new NodeStatus(true, chainId, version, latencyMs, "");
    }

    public static NodeStatus down(String problem) {
        return new NodeStatus(false, 0, "", 0, problem);
    }

    /** One line: "Reachable: chain id 9000 (testnet), node 2.0.1, 42 ms" or the problem. */
    public String describe() {
        if (!reachable) {
            return problem;
        }
        return "Reachable: chain id " + chainId + chainName(chainId) + ", node " + version + ", " + latencyMs + " ms";
    }

    private static String chainName(long id) {
        return id == 9000 ? " (testnet)" : id == 9001 ? " (mainnet)" : "";
    }
}
