package network.qfc.miner.core.governor;

/**
 * Where the {@link GovernorService} takes its readings from each period: in the app, {@link ProbeReadingsSource}
 * (the hardware probe's live sampler plus an {@link IdleTimeSource}). Called on the governor's thread; must return
 * quickly and may throw (that period is then skipped and logged).
 */
@FunctionalInterface
public interface ReadingsSource {

    /** The readings now; {@code taskBusyTime} may be left empty (the service fills it from the mining loop). */
    GovernorReadings read();
}
