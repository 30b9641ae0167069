package network.qfc.miner.app.desktop.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.chart.XYChart;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.core.events.EventBus;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import network.qfc.miner.core.events.MinerState;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TimeBucket;
import network.qfc.miner.core.runtime.MinerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the miner into the dashboard: the snapshot once a second (a {@link Timeline} on the FX thread reading an
 * atomic reference: no locks, at most 1 Hz), proof results from the event bus into the feed, and history from the
 * journal (read off the FX thread). Handles the main control: mining on and off.
 */
public final class DashboardController {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardController.class);
    static final int FEED_ROWS = 200;

    private final DashboardModel model = new DashboardModel();
    private final GovernorRows governorRows = new GovernorRows();
    private final MiningControl mining;
    private final Executor background;
    private final Clock clock;
    private final Timeline ticker;
    private EventBus.Subscription feedSubscription;
    private MinerRuntime shownRuntime;
    private int ticks;
    private final EarningsController earnings;

    public DashboardController(MiningControl mining, Executor background, Clock clock) {
        this.mining = mining;
        this.background = background;
        this.clock = clock;
        this.ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.range.addListener((obs, old, now) -> refreshHistory());
        this.earnings = new EarningsController(mining::current, background, clock);
    }

    EarningsController earnings() {
        return earnings;
    }

    public DashboardModel model() {
        return model;
    }

    public void onActivate() {
        tick();
        ticker.play();
        earnings.onActivate();
    }

    /** Stops the 1 Hz refresh and lets go of the feed (reloaded from the journal on the next activation). */
    public void onDeactivate() {
        ticker.stop();
        earnings.onDeactivate();
        if (feedSubscription != null) {
            feedSubscription.close();
            feedSubscription = null;
        }
        shownRuntime = null;
    }

    /** Whether the once-a-second refresh runs (only while the dashboard is on screen). */
    boolean refreshing() {
        return ticker.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** The main control. */
    public void onToggleMining() {
        model.busy.set(true);
        CompletableFuture<?> action = mining.isMining() ? mining.stop() : mining.start();
        action.whenComplete((v, e) -> UiThread.run(() -> {
            model.busy.set(false);
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                LOG.warn("mining could not start: {}", cause.getMessage());
                model.state.set("Not mining");
                model.stateStyle.set("error");
                model.stateReason.set(cause.getMessage());
            }
            tick();
        }));
    }

    void tick() {
        Optional<MinerRuntime> runtime = mining.current();
        if (runtime.orElse(null) != shownRuntime || feedSubscription == null) {
            attach(runtime.orElse(null));
        }
        runtime.ifPresentOrElse(r -> show(r.snapshot()), () -> {
            model.mining.set(false);
            if (!"error".equals(model.stateStyle.get())) {
                model.state.set("Not mining");
                model.stateStyle.set("idle");
                model.stateReason.set("Press Start to mine.");
            }
        });
        if (ticks++ % 10 == 0) {
            refreshHistory();
        }
    }

    private void attach(MinerRuntime runtime) {
        if (feedSubscription != null) {
            feedSubscription.close();
            feedSubscription = null;
        }
        shownRuntime = runtime;
        model.feed.removeIf(r -> !r.isProof());
        governorRows.reset();
        // the bus and the journal outlive every mining session: the feed and history show while idle and after Stop
        try {
            feedSubscription = mining.services().events().subscribe("dashboard-feed", this::onEvent);
        } catch (IllegalStateException closed) {
            LOG.debug("the app is closing: the dashboard shows nothing new");
            return;
        }
        // a pause that began before this subscription (the governor decides right after registering) still gets its row
        MinerSnapshot now = runtime == null ? null : runtime.snapshot();
        if (now != null && now.state() == MinerState.PAUSED && now.stateReason() != null && !now.stateReason().isBlank()) {
            onEvent(new MinerEvent.Paused(clock.instant(), now.stateReason()));
        }
        ProofJournal journal = mining.services().journal().orElse(null);
        if (journal == null) {
            refreshHistory();
            return;
        }
        CompletableFuture.supplyAsync(() -> journal.recent(FEED_ROWS), background)
                .thenAccept(entries -> UiThread.run(() -> {
                    // governor rows that came while the journal was read stay on top
                    List<ProofFeedRow> rows = new ArrayList<>(model.feed.filtered(r -> !r.isProof()));
                    rows.addAll(rowsOf(entries));
                    model.feed.setAll(rows);
                }))
                .exceptionally(e -> {
                    LOG.warn("could not read the proof journal", e);
                    return null;
                });
        refreshHistory();
    }

    void onEvent(MinerEvent event) {
        if (event instanceof MinerEvent.Paused || event instanceof MinerEvent.Throttled
                || event instanceof MinerEvent.Resumed) {
            UiThread.run(() -> governorRows.rowFor(event).ifPresent(r -> governorRows.add(model.feed, r, FEED_ROWS)));
            return;
        }
        ProofFeedRow row = null;
        if (event instanceof MinerEvent.ProofResult p) {
            row = new ProofFeedRow(p.at(), p.taskId(), p.model(), p.executionTimeMs(),
                    DashboardFormat.outcome(p.accepted(), p.spotChecked()), DashboardFormat.plainMessage(p.message()),
                    p.accepted());
        } else if (event instanceof MinerEvent.ProofDropped d) {
            row = new ProofFeedRow(d.at(), d.taskId(), "", -1, "Dropped", d.reason(), false);
        } else if (event instanceof MinerEvent.TaskSkipped k) {
            row = new ProofFeedRow(k.at(), k.taskId(), k.model(), -1, "Skipped", k.reason(), false);
        }
        if (row != null) {
            ProofFeedRow shown = row;
            UiThread.run(() -> {
                governorRows.proofShown();
                model.feed.add(0, shown);
                if (model.feed.size() > FEED_ROWS) {
                    model.feed.remove(FEED_ROWS, model.feed.size());
                }
            });
        }
    }

    static List<ProofFeedRow> rowsOf(List<JournalEntry> entries) {
        List<ProofFeedRow> rows = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (e.accepted() == null && e.failureReason() == null && e.state().name().equals("SUBMITTING")) {
                continue;
            }
            String outcome = e.accepted() != null ? DashboardFormat.outcome(e.accepted(), Boolean.TRUE.equals(e.spotChecked()))
                    : title(e.state().name());
            String message = e.nodeMessage() != null ? DashboardFormat.plainMessage(e.nodeMessage())
                    : e.failureReason() != null ? e.failureReason() : "";
            long at = e.settledAtMs() != null ? e.settledAtMs() : e.task().fetchedAtMs();
            rows.add(new ProofFeedRow(Instant.ofEpochMilli(at), e.taskId(), e.task().modelName() + "@" + e.task().modelVersion(),
                    e.executionMs() != null ? e.executionMs() : -1, outcome, message, Boolean.TRUE.equals(e.accepted())));
        }
        return rows;
    }

    private void show(MinerSnapshot s) {
        Instant now = clock.instant();
        model.mining.set(s.state() != MinerState.STOPPED && s.state() != MinerState.FAILED);
        model.state.set(stateWord(s.state()));
        model.stateStyle.set(switch (s.state()) {
            case RUNNING -> "mining";
            case PAUSED, STARTING, STOPPING -> "paused";
            case JAILED, UNREACHABLE, FAILED -> "error";
            case STOPPED -> "idle";
        });
        model.stateReason.set(s.stateReason());
        model.node.set(s.node().url());
        model.nodeStatus.set(s.node().reachable()
                ? "reachable" + (s.node().latencyMs() >= 0 ? ", " + s.node().latencyMs() + " ms" : "")
                        + (s.node().chainId() != null ? ", chain " + s.node().chainId() : "")
                        + (s.node().version() != null ? ", " + s.node().version() : "")
                        + (s.node().proofLayout() != null ? ", proof layout " + s.node().proofLayout() : "")
                        + (s.node().clockWarning() != null ? "; " + s.node().clockWarning() : "")
                : "not reachable");
        model.address.set(s.address() != null ? s.address() : "–");
        model.tier.set(s.tier() != null ? s.tier() : "–");
        model.backend.set(s.backend() != null ? s.backend() : "–");
        model.backendWhy.set(s.backendFallback() != null ? s.backendFallback() : "");
        model.model.set(s.model() != null ? s.model() + (s.layer() != null ? " (" + s.layer() + ")" : "") : "–");

        MinerSnapshot.Counters c = s.counters();
        model.tasks.set(Long.toString(c.tasksReceived()));
        model.accepted.set(Long.toString(c.accepted()));
        model.spotChecked.set(Long.toString(c.spotChecked()));
        model.rejected.set(Long.toString(c.rejected()));
        model.passRate.set(DashboardFormat.passRate(c));
        model.perMinute.set(DashboardFormat.perMinute(c.accepted(), Duration.between(s.startedAt(), now)));
        model.lastInference.set(s.lastInferenceMs() >= 0 ? s.lastInferenceMs() + " ms" : "–");

        MinerSnapshot.Standing st = s.standing();
        model.jailed.set(st.jailed());
        model.jailCountdown.set(st.jailed()
                ? (st.jailEndsAt() != null ? "released in " + DashboardFormat.countdown(st.jailRemaining(now)) : "release time unknown")
                : "");
        model.standing.set(s.node().standalone() && !st.registered()
                ? "Standalone miner: proofs are accepted and counted here; not a validator, so the node keeps no"
                        + " score, stake or jail for this key (it cannot be slashed)"
                : !st.known() ? "unknown" : st.jailed() ? "JAILED" : st.active() ? "Active" : "Inactive");
        model.stake.set(DashboardFormat.qfc(st.stake()));
        model.stakeChange.set(DashboardFormat.change(st.stakeChange()));
        model.contribution.set(ScoreWords.contribution(st.contributionScore()));
        model.inferenceScore.set(ScoreWords.inferenceScore(st.inferenceScore()));
        model.lastSlash.set(DashboardFormat.slash(st.lastSlash()));
        model.slashAdvice.set(st.lastSlash() == null ? "" : DashboardFormat.plainMessage(st.lastSlash().cause()));
        model.earnings.set(st.earnings() == null ? "not reported by this node"
                : DashboardFormat.qfc(st.earnings()) + " today" + (st.locked() != null ? ", " + DashboardFormat.qfc(st.locked())
                        + " locked, " + DashboardFormat.qfc(st.available()) + " available" : ""));
    }

    static String stateWord(MinerState state) {
        return switch (state) {
            case STARTING -> "Starting";
            case RUNNING -> "Mining";
            case PAUSED -> "Paused";
            case JAILED -> "JAILED";
            case UNREACHABLE -> "Node unreachable";
            case STOPPING -> "Stopping";
            case STOPPED -> "Not mining";
            case FAILED -> "Stopped by an error";
        };
    }

    /** Reads the chart's history from the journal, off the FX thread. */
    void refreshHistory() {
        ProofJournal journal = mining.services().journal().orElse(null);
        if (journal == null) {
            return;
        }
        DashboardModel.Range range = model.range.get();
        Instant now = clock.instant();
        TimeAxis.Spec spec = TimeAxis.spec(range);
        Duration span = spec.span();
        Duration bucket = spec.bucket();
        CompletableFuture.supplyAsync(() -> journal.history(now.minus(span).toEpochMilli(), now.toEpochMilli(), bucket), background)
                .thenAccept(buckets -> UiThread.run(() -> showHistory(buckets, now)))
                .exceptionally(e -> {
                    LOG.debug("history not available", e);
                    return null;
                });
        CompletableFuture.supplyAsync(() -> JournalTotals.describe(journal, now), background)
                .thenAccept(line -> UiThread.run(() -> model.totals.set(line)))
                .exceptionally(e -> {
                    LOG.debug("history not available", e);
                    return null;
                });
    }

    private void showHistory(List<TimeBucket> buckets, Instant now) {
        List<XYChart.Data<Number, Number>> accepted = new ArrayList<>();
        double maxScore = 0;
        for (TimeBucket b : buckets) {
            accepted.add(new XYChart.Data<>(TimeAxis.minutes(b.startMs()), b.accepted()));
            maxScore = Math.max(maxScore, b.inferenceScore().map(java.math.BigInteger::doubleValue).orElse(0.0));
        }
        // the score in a unit that makes its axis read as a few digits ("4.85 TFLOP", not 4,850,000,000,000)
        ScoreWords.FlopUnit unit = ScoreWords.FlopUnit.fitting(maxScore);
        List<XYChart.Data<Number, Number>> score = new ArrayList<>();
        for (TimeBucket b : buckets) {
            b.inferenceScore().ifPresent(v -> score.add(new XYChart.Data<>(TimeAxis.minutes(b.startMs()),
                    unit.of(v.doubleValue()))));
        }
        model.scoreUnit.set(unit.name());
        model.historyNowMs.set(now.toEpochMilli());
        model.acceptedSeries.getData().setAll(accepted);
        model.scoreSeries.getData().setAll(score);
    }

    private static String title(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
