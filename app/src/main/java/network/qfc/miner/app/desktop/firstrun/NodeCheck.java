package network.qfc.miner.app.desktop.firstrun;

/**
 * Asks a node at an RPC URL who it is ({@code qfc_nodeInfo}). Blocking, bounded by timeouts; never throws: every
 * failure comes back as {@link NodeStatus#down(String)} with a readable reason. Called off the FX thread.
 */
@FunctionalInterface
public interface NodeCheck {
    NodeStatus check(String rpcUrl);
}
