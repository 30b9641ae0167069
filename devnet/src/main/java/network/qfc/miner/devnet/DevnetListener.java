package network.qfc.miner.devnet;

/** Receives the devnet's events (proof verified, accepted, slashed, …), on the thread that caused them: keep it quick. */
@FunctionalInterface
public interface DevnetListener {
    void onEvent(DevnetEvent event);
}
