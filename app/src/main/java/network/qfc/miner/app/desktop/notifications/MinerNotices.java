package network.qfc.miner.app.desktop.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import network.qfc.miner.app.desktop.dashboard.DashboardFormat;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.events.MinerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the miner tells the user when the window may be out of sight: a jail or a slash, a node lost for more than
 * three minutes, a model downloaded, the key's password needed, mining that did not start. Each happening is told once
 * (a jail once per jail, a lost node once per outage, a download once when the model is in use), through the one
 * {@link Notifier} the desktop offers, and logged.
 */
public final class MinerNotices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinerNotices.class);
    public static final Duration NODE_LOST_NOTICE = Duration.ofMinutes(3);

    private volatile Notifier notifier = Notifier.NONE;
    private EventBus.Subscription events;
    private Instant unreachableSince;
    private boolean nodeLostTold;
    private Instant jailToldFor;
    private final Set<String> downloading = new LinkedHashSet<>();

    /** Where notices go from now on (chosen once the tray is known: {@link NotifierChoice}). */
    public void use(Notifier n) {
        notifier = n;
        LOG.info("notifications: {}", n.kind());
    }

    public Notifier notifier() {
        return notifier;
    }

    /** Listens to the process's event bus, once: every mining session publishes into it. */
    public synchronized void listen(EventBus bus) {
        if (events != null) {
            events.close();
        }
        events = bus.subscribe("notifications", this::onEvent);
    }

    /** The key's password is being asked for in a dialog (perhaps while the window is in the tray). */
    public void passwordNeeded() {
        tell(new Notice("QFC Desktop Miner needs your password",
                "Type your key file's password in the window that opened to start mining.", true));
    }

    /** A model download from the Models page ended installed. */
    public void modelDownloaded(String model) {
        modelReady(model + " is downloaded and verified.");
    }

    private void modelReady(String body) {
        tell(new Notice("Model ready", body, false));
    }

    /** The user's 1-hour pause from the tray ran out. */
    public void pauseOver(boolean miningAgain) {
        tell(new Notice("Pause over", miningAgain ? "Your 1-hour pause has ended: mining again."
                : "Your 1-hour pause has ended.", false));
    }

    /** A start from the tray failed. */
    public void miningDidNotStart(String why) {
        tell(new Notice("Mining did not start", why, true));
    }

    synchronized void onEvent(MinerEvent e) {
        if (e instanceof MinerEvent.Jailed j) {
            if (!j.endsAt().equals(jailToldFor)) {
                jailToldFor = j.endsAt();
                tell(new Notice("Miner jailed", "The node jailed this miner until " + j.endsAt()
                        + ": " + j.cause() + ". Mining resumes by itself when the jail ends.", true));
            }
        } else if (e instanceof MinerEvent.Unjailed) {
            jailToldFor = null;
        } else if (e instanceof MinerEvent.Slashed s) {
            tell(new Notice("Stake slashed", DashboardFormat.qfc(s.amount()) + " of your stake was taken: " + s.cause()
                    + ". Open the app's dashboard for what to do.", true));
        } else if (e instanceof MinerEvent.NodeUnreachable u) {
            if (unreachableSince == null) {
                unreachableSince = u.at();
            } else if (!nodeLostTold && Duration.between(unreachableSince, u.at()).compareTo(NODE_LOST_NOTICE) >= 0) {
                nodeLostTold = true;
                tell(new Notice("Node lost", "No answer from " + u.url() + " for over 3 minutes; still retrying.", true));
            }
        } else if (e instanceof MinerEvent.NodeReachable) {
            unreachableSince = null;
            nodeLostTold = false;
        } else if (e instanceof MinerEvent.ModelDownloadProgress d) {
            if (d.bytesDone() > 0) {
                downloading.add(d.model());
            }
        } else if (e instanceof MinerEvent.InferenceDone && !downloading.isEmpty()) {
            // the model was downloaded, verified and loaded: the miner's first result with it says so
            for (String model : downloading) {
                modelReady(model + " is downloaded and verified; mining with it.");
            }
            downloading.clear();
        } else if (e instanceof MinerEvent.Stopped || (e instanceof MinerEvent.Error err && err.fatal())) {
            // the session is over: the next one starts with a clean slate
            downloading.clear();
            unreachableSince = null;
            nodeLostTold = false;
        }
    }

    private void tell(Notice n) {
        LOG.info("notice: {}: {}", n.summary(), n.body());
        notifier.show(n);
    }

    @Override
    public synchronized void close() {
        if (events != null) {
            events.close();
            events = null;
        }
        if (notifier instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ex) {
                LOG.debug("notifier close", ex);
            }
        }
    }
}
