package network.qfc.miner.probe;

/** A subscription to {@link LiveSampler}'s readings; closing it leaves (idempotent, throws nothing). */
public interface LiveSubscription extends AutoCloseable {
    @Override
    void close();
}
