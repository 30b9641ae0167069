package network.qfc.miner.app.desktop.tray;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first of several trays that installs: the StatusNotifierItem where the desktop has a watcher, else the AWT
 * (XEmbed, Windows, macOS) tray, else none. Each candidate is made only when the ones before it failed.
 */
public final class FallbackTrayHost implements TrayHost {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackTrayHost.class);

    /** A tray to try, by name for the log; {@code make} answers null when this desktop cannot have it. */
    public record Candidate(String name, Supplier<TrayHost> make) {
    }

    private final List<Candidate> candidates;
    private volatile TrayHost active = TrayHost.NONE;
    private volatile String activeName = "none";

    public FallbackTrayHost(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public boolean install(TrayView initial, Actions actions) {
        for (Candidate c : candidates) {
            TrayHost host = c.make().get();
            if (host != null && host.install(initial, actions)) {
                active = host;
                activeName = c.name();
                LOG.info("tray: {}", c.name());
                return true;
            }
        }
        LOG.info("tray: none on this desktop (closing the window asks before it stops mining)");
        return false;
    }

    /** Which tray installed ("StatusNotifierItem", "AWT", or "none"). */
    public String activeName() {
        return activeName;
    }

    @Override
    public boolean hasBalloons() {
        return active.hasBalloons();
    }

    @Override
    public void show(TrayView view) {
        active.show(view);
    }

    @Override
    public void notify(String title, String message, boolean warning) {
        active.notify(title, message, warning);
    }

    @Override
    public void remove() {
        active.remove();
    }
}
