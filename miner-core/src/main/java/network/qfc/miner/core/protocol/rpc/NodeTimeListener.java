package network.qfc.miner.core.protocol.rpc;

import java.time.Instant;

/**
 * Told the node's clock with every answer that carries an HTTP {@code Date} header (whole seconds, RFC 1123), with
 * this computer's clock when the request went out and when the answer came back: enough to bound the skew between
 * the two clocks to within the round trip plus the header's one-second resolution.
 */
@FunctionalInterface
public interface NodeTimeListener {
    void onNodeTime(long sentAtMs, long receivedAtMs, Instant nodeDate);
}
