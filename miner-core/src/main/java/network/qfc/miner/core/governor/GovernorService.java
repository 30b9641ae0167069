package network.qfc.miner.core.governor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Governor} every period (2 s by default) on its own thread, {@value #THREAD_NAME}: takes readings
 * from a {@link ReadingsSource}, decides with the current policy and the previous decision, keeps the latest decision
 * for the mining loop's gate ({@link #current()}: a volatile read, never blocks), and tells listeners when the
 * outcome changes (the app, the tray tooltip, the headless status line, the journal). Listeners run on the governor
 * thread and must return quickly. The user's pause/resume and policy changes take effect at the next decision,
 * which they trigger at once.
 */
public final class GovernorService implements AutoCloseable {
    /** The governor thread's name. */
    public static final String THREAD_NAME = "qfc-governor";
    /** How often the governor decides by default. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(GovernorService.class);
    /** Weight of the newest task in the busy-time average. */
    private static final double BUSY_WEIGHT = 0.3;

    /** A listener's registration; closing it stops the decisions (idempotent, throws nothing). */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final ReadingsSource source;
    private final Governor governor;
    private final Duration period;
    private final Clock clock;
    private final List<Consumer<GovernorDecision>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile GovernorPolicy policy;
    private volatile GovernorDecision current;
    private volatile Duration taskBusy;
    private volatile String lastFailure;
    private ScheduledExecutorService executor;
    private java.util.concurrent.ScheduledFuture<?> next;
    /** The decision loop's chain: a new one replaces the scheduled one, and an older one ends after its tick. */
    private long chain;
    private volatile boolean mining = true;
    private boolean closed;

    /** Every {@link #DEFAULT_PERIOD}, on the system clock. */
    public GovernorService(ReadingsSource source, GovernorPolicy policy) {
        this(source, new Governor(), policy, DEFAULT_PERIOD, Clock.systemDefaultZone());
    }

    public GovernorService(ReadingsSource source, Governor governor, GovernorPolicy policy, Duration period,
                           Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.governor = Objects.requireNonNull(governor, "governor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the governor period must be positive, got " + period);
        }
        this.period = period;
    }

    /** Starts deciding, the first time at once. Starting twice is harmless; after {@link #close()} it is refused. */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the governor was stopped; make a new one");
            }
            if (executor != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
            restartLoop();
        }
    }

    /** With {@link #lock} held: decides at once, and from then on at the loop's pace. */
    private void restartLoop() {
        if (executor == null) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        long mine = ++chain;
        try {
            next = executor.schedule(() -> loop(mine), 0, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** How long the governor waits between decisions while nobody mines: nothing hangs on them then. */
    public static final Duration IDLE_PERIOD = Duration.ofSeconds(30);

    /**
     * Whether a miner is running: then the governor decides every period; otherwise every {@link #IDLE_PERIOD}
     * (and at once on a policy change, and when a pause by hand ends), so an idle app costs next to nothing.
     */
    public void setMining(boolean mining) {
        boolean was = this.mining;
        this.mining = mining;
        if (mining && !was) {
            synchronized (lock) {
                restartLoop();
            }
        }
    }

    private void loop(long mine) {
        tick();
        synchronized (lock) {
            if (mine == chain && executor != null && !executor.isShutdown()) {
                long wait = (mining ? period : IDLE_PERIOD).toMillis();
                Instant pauseEnd = policy.manualPause() instanceof ManualPause.Until u ? u.end() : null;
                if (pauseEnd != null) { // decide again right when a pause by hand ends, not up to a period later
                    long toEnd = pauseEnd.toEpochMilli() - clock.millis();
                    if (toEnd >= 0 && toEnd < wait) {
                        wait = toEnd + 1;
                    }
                }
                next = executor.schedule(() -> loop(mine), wait, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Whether the governor thread is running. */
    public boolean running() {
        synchronized (lock) {
            return executor != null && !executor.isShutdown();
        }
    }

    /** Stops the governor thread and waits up to 5 s for the decision in progress; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (lock) {
            closed = true;
            stopping = executor;
            executor = null;
        }
        listeners.clear();
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            if (!stopping.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the governor thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The latest decision; empty before the first one. Never blocks. */
    public Optional<GovernorDecision> current() {
        return Optional.ofNullable(current);
    }

    public GovernorPolicy policy() {
        return policy;
    }

    /** Replaces the policy (settings changed) and decides again at once. */
    public void setPolicy(GovernorPolicy newPolicy) {
        this.policy = Objects.requireNonNull(newPolicy, "policy");
        synchronized (lock) { // decide now; the loop's next wait may shorten (a pause by hand that ends soon)
            restartLoop();
        }
    }

    /** "Pause for 1 h" and the like: paused by the user until now + {@code duration}. */
    public void pauseFor(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a pause must be longer than zero, got " + duration);
        }
        pauseUntil(clock.instant().plus(duration));
    }

    /** Paused by the user until {@code end}. */
    public void pauseUntil(Instant end) {
        setPolicy(policy.withManualPause(ManualPause.until(end)));
    }

    /** Paused by the user until {@link #resume()}. */
    public void pauseUntilResumed() {
        setPolicy(policy.withManualPause(ManualPause.UNTIL_RESUMED));
    }

    /** Ends a manual pause (the other rules still apply). */
    public void resume() {
        setPolicy(policy.withManualPause(ManualPause.NONE));
    }

    /**
     * The mining loop reports how long a task kept it busy (inference, not the network); the duty cycle of the CPU
     * cap is computed from a running average of these.
     */
    public void recordTaskBusy(Duration busy) {
        if (busy.isNegative()) {
            return;
        }
        Duration before = taskBusy;
        taskBusy = before == null ? busy
                : Duration.ofNanos(Math.round(BUSY_WEIGHT * busy.toNanos() + (1 - BUSY_WEIGHT) * before.toNanos()));
    }

    /** The average busy time per task so far, if a task was reported. */
    public Optional<Duration> taskBusyTime() {
        return Optional.ofNullable(taskBusy);
    }

    /**
     * Adds a listener of changed decisions (called on the governor thread). It gets the current decision first,
     * when there is one, then every change.
     */
    public Subscription subscribe(Consumer<GovernorDecision> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        synchronized (lock) {
            if (executor != null) {
                submit(() -> {
                    GovernorDecision d = current;
                    if (d != null && listeners.contains(listener)) {
                        deliver(listener, d);
                    }
                });
            }
        }
        return () -> listeners.remove(listener);
    }

    private void submit(Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void tick() {
        try {
            GovernorReadings readings = source.read();
            Duration busy = taskBusy;
            if (busy != null) {
                readings = readings.withTaskBusyTime(Optional.of(busy));
            }
            GovernorDecision previous = current;
            GovernorDecision decision = governor.decide(readings, policy, Optional.ofNullable(previous));
            current = decision;
            lastFailure = null;
            if (!decision.sameOutcome(previous)) {
                LOG.info("governor: {}", decision.summary());
                for (Consumer<GovernorDecision> l : listeners) {
                    deliver(l, decision);
                }
            }
        } catch (RuntimeException e) {
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                LOG.warn("governor: could not take readings or decide, keeping the last decision: {}", failure);
                LOG.debug("governor failure", e);
                lastFailure = failure;
            }
        }
    }

    private static void deliver(Consumer<GovernorDecision> listener, GovernorDecision d) {
        try {
            listener.accept(d);
        } catch (RuntimeException e) {
            LOG.warn("a governor listener failed: {}", e.toString());
        }
    }
}
