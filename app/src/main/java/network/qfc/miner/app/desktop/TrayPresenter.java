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
 * Keeps the tray in step with the miner (its icon, tooltip and menu, once a second while mining and every
 * {@link #IDLE_TICK} otherwise, off the FX thread; today's accepted count is read from the journal only after a proof
 * result, or every {@link #COUNT_REFRESH} while mining, so an idle app in the tray does no database work). It listens
 * to the process's event bus once, whatever the mining sessions. Notifications are {@link MinerNotices}' job, with or
 * without a tray: this tells it when mining did not start from the tray and when the user's 1-hour pause ran out.
 */
final class TrayPresenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrayPresenter.class);
    /** How often today's count is re-read when no proof result came (the day turns at midnight UTC). */
    static final Duration COUNT_REFRESH = Duration.ofSeconds(30);
    /** How often the tray is brought up to date while nothing mines. */
    static final Duration IDLE_TICK = Duration.ofSeconds(5);

    /** What the tray's Open and Quit items do. */
    record Actions(Runnable openWindow, Runnable quit) {
    }

    private final TrayHost host;
    private final MiningControl mining;
    private final DesktopGovernor governor;
    private final boolean installed;
    private final ScheduledExecutorService ticker;
    private final EventBus.Subscription events;
    private volatile MinerRuntime watched;
    private boolean pausedByHandShown;
    private long lastTickNanos;
    private volatile long proofsToday;
    private volatile boolean countStale = true;
    private long countReadAtNanos;
    private TrayView lastShown;
    private final MinerNotices notices;

    private TrayPresenter(TrayHost host, MiningControl mining, DesktopGovernor governor, Actions actions,
                          MinerNotices notices, boolean ticking) {
        this.host = host;
        this.notices = notices;
        this.mining = mining;
        this.governor = governor;
        this.installed = mining != null && host.install(view(), new TrayHost.Actions() {
            @Override
            public void openWindow() {
                actions.openWindow().run();
            }

            @Override
            public void toggleMining() {
                // a start the user clicked may ask for the password (after "needs your password")
                (mining.isMining() ? mining.stop() : mining.start()).exceptionally(e -> {
                    notices.miningDidNotStart(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                    return null;
                });
            }

            @Override
            public void togglePause() {
                governor.togglePause();
                pausedByHandShown = governor.pausedByHand(); // the user's own resume needs no notice
            }

            @Override
            public void quit() {
                actions.quit().run();
            }
        });
        events = installed ? mining.services().events().subscribe("tray-count", this::onEvent) : null;
        if (installed && ticking) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qfc-tray");
                t.setDaemon(true);
                return t;
            });
            // every second while mining (the count and state move), every IDLE_TICK otherwise
            ticker.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                if (mining.isMining() || now - lastTickNanos >= IDLE_TICK.toNanos()) {
                    lastTickNanos = now;
                    tick();
                }
            }, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    static TrayPresenter install(TrayHost host, MiningControl mining, DesktopGovernor governor, Actions actions,
                                 MinerNotices notices) {
        return new TrayPresenter(host, mining, governor, actions, notices, true);
    }

    /** A presenter whose {@link #tick()} the caller drives (tests: no timer, a clock they control). */
    static TrayPresenter manual(TrayHost host, MiningControl mining, DesktopGovernor governor, Actions actions,
                                MinerNotices notices) {
        return new TrayPresenter(host, mining, governor, actions, notices, false);
    }

    static TrayPresenter none() {
        return new TrayPresenter(TrayHost.NONE, null, null, new Actions(() -> { }, () -> { }), new MinerNotices(), false);
    }

    boolean installed() {
        return installed;
    }

    /** Brings the tray up to date (on the tray's thread). */
    void tick() {
        try {
            MinerRuntime r = mining.current().orElse(null);
            if (r != watched) {
                watched = r;
                countStale = true;
            }
            long now = System.nanoTime();
            boolean mines = mining.isMining();
            if (countStale || (mines && now - countReadAtNanos >= COUNT_REFRESH.toNanos())) {
                countStale = false;
                countReadAtNanos = now;
                proofsToday = mining.services().journal()
                        .map(j -> j.totalsForDay(LocalDate.now(ZoneOffset.UTC)).counters().accepted()).orElse(0L);
            }
            boolean pausedByHand = governor.pausedByHand();
            if (pausedByHandShown && !pausedByHand) {
                notices.pauseOver(mines);
            }
            pausedByHandShown = pausedByHand;
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
            paused = governor.handPauseEnds().map(end -> "paused by you until "
                    + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(end.atZone(java.time.ZoneId.systemDefault())))
                    .orElse("paused by you");
        }
        boolean jailed = s.map(x -> x.standing().jailed()).orElse(false);
        String release = s.filter(x -> x.standing().jailEndsAt() != null)
                .map(x -> DashboardFormat.countdown(x.standing().jailRemaining(Instant.now()))).orElse(null);
        String error = mining != null && mining.needsPassword() && !on
                ? "needs your password: click Start mining to type it"
                : s.map(x -> switch (x.state()) {
                    case UNREACHABLE -> "node unreachable";
                    case FAILED -> x.stateReason();
                    default -> null;
                }).orElse(null);
        return TrayView.of(new TrayInput(on, paused, jailed, release, error, proofsToday));
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
        if (events != null) {
            events.close();
        }
        host.remove();
    }
}
