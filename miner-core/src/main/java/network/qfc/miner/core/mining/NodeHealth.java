package network.qfc.miner.core.mining;

import java.time.Duration;
import java.util.function.Supplier;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.protocol.rpc.RpcException;

/**
 * Whether the node answers, from every call the miner makes: times each call and keeps the snapshot's node status;
 * publishes {@code NodeReachable} when the node answers again, and {@code NodeUnreachable} each time a caller backs
 * off (with when it retries). Thread-safe.
 */
public final class NodeHealth {
    private final MinerFeed feed;
    private final String url;
    private Boolean reachable; // null before the first call
    private volatile Runnable whenBack = () -> { };

    public NodeHealth(MinerFeed feed, String url) {
        this.feed = feed;
        this.url = url;
    }

    /** Runs {@code call}, recording its latency on success and the failure if the node could not be reached. */
    public <T> T call(Supplier<T> call) {
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (RpcException e) {
            if (e.isTransient()) {
                markUnreachable(); // the caller says so, with when it retries
            } else {
                reached((System.nanoTime() - start) / 1_000_000);
            }
            throw e;
        }
        reached((System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /**
     * Runs {@code action} each time the node answers again after it could not be reached (it may have restarted and
     * forgotten the miner: the runtime registers again).
     */
    public void whenBack(Runnable action) {
        this.whenBack = java.util.Objects.requireNonNull(action, "action");
    }

    /** The node answered in {@code latencyMs}. */
    public void reached(long latencyMs) {
        boolean changed;
        boolean back;
        synchronized (this) {
            changed = !Boolean.TRUE.equals(reachable);
            back = Boolean.FALSE.equals(reachable);
            reachable = true;
        }
        if (back) {
            whenBack.run();
        }
        feed.update(s -> s.withNode(s.node().reached(latencyMs)));
        if (changed) {
            feed.publish(new MinerEvent.NodeReachable(feed.now(), url, latencyMs));
        }
    }

    /** The node did not answer; the caller says so to the user and retries after {@code retryIn}. */
    public void unreachable(String reason, Duration retryIn) {
        markUnreachable();
        feed.publish(new MinerEvent.NodeUnreachable(feed.now(), url, reason, retryIn));
    }

    private void markUnreachable() {
        synchronized (this) {
            reachable = false;
        }
        feed.update(s -> s.withNode(s.node().unreachable()));
    }

    public synchronized boolean isReachable() {
        return Boolean.TRUE.equals(reachable);
    }
}
