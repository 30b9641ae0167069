package network.qfc.miner.app.desktop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.desktop.dashboard.DashboardFormat;
import network.qfc.miner.app.desktop.mining.DesktopGovernor;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.notifications.MinerNotices;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayInput;
import network.qfc.miner.app.desktop.tray.TrayView;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.runtime.MinerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tray in step with the miner (its icon, tooltip and menu, once a second, off the FX thread; today's
 * accepted count is read from the journal only after a proof result, or every {@link #COUNT_REFRESH} for the day's
 * turn, so an idle app in the tray does no database work). Notifications are {@link MinerNotices}' job, with or
 * without a tray.
 */
final class TrayPresenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrayPresenter.class);
    /** How often today's count is re-read when no proof result came (the day turns at midnight UTC). */
    static final Duration COUNT_REFRESH = Duration.ofSeconds(30);

    /** What the tray's Open and Quit items do. */
    record Actions(Runnable openWindow, Runnable quit) {
    }

    private final TrayHost host;
    private final MiningControl mining;
    private final DesktopGovernor governor;
    private final boolean installed;
    private final ScheduledExecutorService ticker;
    private volatile EventBus.Subscription events;
    private volatile MinerRuntime watched;
    private volatile long proofsToday;
    private volatile boolean countStale = true;
    private long countReadAtNanos;
    private TrayView lastShown;

    private TrayPresenter(TrayHost host, MiningControl mining, DesktopGovernor governor, Actions actions,
            MinerNotices notices) {
        this.host = host;
        this.mining = mining;
        this.governor = governor;
        this.installed = mining != null && host.install(view(), new TrayHost.Actions() {
            @Override
            public void openWindow() {
                actions.openWindow().run();
            }

            @Override
            public void toggleMining() {
                (mining.isMining() ? mining.stop() : mining.start()).exceptionally(e -> {
                    notices.miningDidNotStart(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                    return null;
                });
            }

            @Override
            public void togglePause() {
                governor.togglePause();
            }

            @Override
            public void quit() {
                actions.quit().run();
            }
        });
        if (installed) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qfc-tray");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    static TrayPresenter install(TrayHost host, MiningControl mining, DesktopGovernor governor, Actions actions,
            MinerNotices notices) {
        return new TrayPresenter(host, mining, governor, actions, notices);
    }

    static TrayPresenter none() {
        return new TrayPresenter(TrayHost.NONE, null, null, new Actions(() -> { }, () -> { }), new MinerNotices());
    }

    boolean installed() {
        return installed;
    }

    private void tick() {
        try {
            MinerRuntime r = mining.current().orElse(null);
            if (r != watched) {
                watch(r);
            }
            long now = System.nanoTime();
            if (r != null && (countStale || now - countReadAtNanos >= COUNT_REFRESH.toNanos())) {
                countStale = false;
                countReadAtNanos = now;
                proofsToday = r.journal().totalsForDay(LocalDate.now(ZoneOffset.UTC)).counters().accepted();
            }
            TrayView v = view();
            if (!v.equals(lastShown)) {
                host.show(v);
                lastShown = v;
            }
        } catch (RuntimeException e) {
            LOG.debug("tray update failed", e);
        }
    }

    private TrayView view() {
        Optional<MinerSnapshot> s = mining == null ? Optional.empty() : mining.current().map(MinerRuntime::snapshot);
        boolean on = s.isPresent() && s.get().state() != MinerState.STOPPED && s.get().state() != MinerState.FAILED;
        String paused = null;
        if (s.isPresent() && s.get().state() == MinerState.PAUSED) {
            paused = s.get().stateReason();
        } else if (governor != null && governor.pausedByHand()) {
            paused = "paused by you for 1 hour";
        }
        boolean jailed = s.map(x -> x.standing().jailed()).orElse(false);
        String release = s.filter(x -> x.standing().jailEndsAt() != null)
                .map(x -> DashboardFormat.countdown(x.standing().jailRemaining(Instant.now()))).orElse(null);
        String error = s.map(x -> switch (x.state()) {
            case UNREACHABLE -> "node unreachable";
            case FAILED -> x.stateReason();
            default -> null;
        }).orElse(null);
        return TrayView.of(new TrayInput(on, paused, jailed, release, error, proofsToday));
    }

    private void watch(MinerRuntime r) {
        EventBus.Subscription old = events;
        if (old != null) {
            old.close();
        }
        watched = r;
        countStale = true;
        events = r == null ? null : r.events().subscribe("tray-count", this::onEvent);
    }

    private void onEvent(MinerEvent e) {
        if (e instanceof MinerEvent.ProofResult) {
            countStale = true;
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        EventBus.Subscription s = events;
        if (s != null) {
            s.close();
        }
        host.remove();
    }
}
