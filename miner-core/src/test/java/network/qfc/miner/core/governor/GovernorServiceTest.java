package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GovernorServiceTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant T0 = Instant.parse("2026-11-18T13:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<GovernorService> services = new ArrayList<>();

    /** Decisions as a listener sees them, with the thread it was called on. */
    record Seen(GovernorDecision decision, Thread thread) {
    }

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

    @AfterEach
    void stopAll() {
        services.forEach(GovernorService::close);
    }

    /** A machine whose readings the test sets: on mains, quiet, 2 cores, wall clock at 14:00 in Paris. */
    static final class Machine implements ReadingsSource {
        final AtomicReference<GovernorReadings> now = new AtomicReference<>(
                GovernorReadings.quiet(T0.atZone(ZONE), 2).withBattery(Optional.of(false), OptionalInt.of(90)));
        final AtomicInteger reads = new AtomicInteger();
        volatile RuntimeException failure;
        volatile CountDownLatch readLatch = new CountDownLatch(0);

        @Override
        public GovernorReadings read() {
            reads.incrementAndGet();
            readLatch.countDown();
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return now.get();
        }
    }

    private GovernorService service(ReadingsSource source, GovernorPolicy policy) {
        GovernorService s = new GovernorService(source, new Governor(), policy, Duration.ofMillis(50),
                Clock.fixed(T0, ZONE));
        services.add(s);
        return s;
    }

    private GovernorDecision next(Predicate<GovernorDecision> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Seen s = seen.poll(100, TimeUnit.MILLISECONDS);
            if (s != null) {
                assertThat(s.thread().getName()).isEqualTo(GovernorService.THREAD_NAME);
                if (wanted.test(s.decision())) {
                    return s.decision();
                }
            }
        }
        throw new AssertionError("no such decision was published within " + WAIT);
    }

    private void listen(GovernorService s) {
        s.subscribe(d -> seen.add(new Seen(d, Thread.currentThread())));
    }

    @Test
    void publishesDecisionsOnTheGovernorThread() throws Exception {
        Machine machine = new Machine();
        machine.now.updateAndGet(r -> r.withBattery(Optional.of(true), OptionalInt.of(70)));
        GovernorService s = service(machine, GovernorPolicy.defaults());
        listen(s);
        s.start();

        GovernorDecision d = next(x -> true);

        assertThat(d.reason()).isEqualTo("paused: on battery power");
        assertThat(s.current()).contains(d);
        assertThat(s.running()).isTrue();
    }

    @Test
    void publishesOnlyChangesNotEveryPeriod() throws Exception {
        Machine machine = new Machine();
        GovernorService s = service(machine, GovernorPolicy.defaults());
        listen(s);
        machine.readLatch = new CountDownLatch(6);
        s.start();

        assertThat(machine.readLatch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        s.close();

        assertThat(seen).hasSize(1);
        assertThat(seen.peek().decision().reason()).isEqualTo("running");
    }

    @Test
    void manualPauseAndResumeTakeEffectAndAreHeard() throws Exception {
        Machine machine = new Machine();
        GovernorService s = service(machine, GovernorPolicy.defaults());
        listen(s);
        s.start();
        next(d -> d.running());

        s.pauseUntilResumed();
        assertThat(next(d -> d.paused()).reason()).isEqualTo("paused by you until resumed");

        s.resume();
        assertThat(next(d -> !d.paused()).reason()).isEqualTo("running");

        s.pauseFor(Duration.ofMinutes(32));
        // the fixed clock is 14:00 in Paris
        assertThat(next(d -> d.paused()).reason()).isEqualTo("paused by you until 14:32");
        assertThat(s.policy().manualPause()).isEqualTo(ManualPause.until(T0.plus(Duration.ofMinutes(32))));
    }

    @Test
    void measuredTaskTimeDrivesTheDutyCycle() throws Exception {
        Machine machine = new Machine();
        GovernorService s = service(machine, GovernorPolicy.defaults().withCpuCapPercent(10));
        listen(s);
        s.start();
        GovernorDecision before = next(d -> d.throttled());
        assertThat(before.pauseBetweenTasks()).isZero();

        s.recordTaskBusy(Duration.ofSeconds(1));

        // 2 cores at 10%: 1 thread, S = 1 s * (1/2 / 0.1 - 1) = 4 s
        GovernorDecision after = next(d -> !d.pauseBetweenTasks().isZero());
        assertThat(after.pauseBetweenTasks()).isEqualTo(Duration.ofSeconds(4));
        assertThat(after.reason()).isEqualTo("throttled: CPU cap 10% (1 of 2 threads)");
    }

    @Test
    void busyTimeIsARunningAverage() {
        GovernorService s = service(new Machine(), GovernorPolicy.defaults());

        s.recordTaskBusy(Duration.ofMillis(1000));
        s.recordTaskBusy(Duration.ofMillis(2000));

        assertThat(s.taskBusyTime()).contains(Duration.ofMillis(1300));
    }

    @Test
    void aFailingSourceKeepsTheServiceAliveUntilItRecovers() throws Exception {
        Machine machine = new Machine();
        machine.failure = new IllegalStateException("sensor gone");
        machine.readLatch = new CountDownLatch(3);
        GovernorService s = service(machine, GovernorPolicy.defaults());
        listen(s);
        s.start();
        assertThat(machine.readLatch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(s.current()).isEmpty();

        machine.failure = null;

        assertThat(next(d -> true).reason()).isEqualTo("running");
    }

    @Test
    void aLateSubscriberGetsTheCurrentDecisionFirst() throws Exception {
        Machine machine = new Machine();
        GovernorService s = service(machine, GovernorPolicy.defaults().withManualPause(ManualPause.UNTIL_RESUMED));
        machine.readLatch = new CountDownLatch(2);
        s.start();
        assertThat(machine.readLatch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        listen(s);

        assertThat(next(d -> true).reason()).isEqualTo("paused by you until resumed");
    }

    @Test
    void closeStopsTheThreadAndRefusesARestart() throws Exception {
        GovernorService s = service(new Machine(), GovernorPolicy.defaults());
        listen(s);
        s.start();
        s.start();
        next(d -> true);
        Thread governorThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(GovernorService.THREAD_NAME) && t.isAlive())
                .findFirst().orElseThrow();

        s.close();
        s.close();

        governorThread.join(WAIT.toMillis());
        assertThat(governorThread.isAlive()).isFalse();
        assertThat(s.running()).isFalse();
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("make a new one");
    }

    @Test
    void refusesAZeroPeriodAndAnEmptyPause() {
        assertThatThrownBy(() -> new GovernorService(new Machine(), new Governor(), GovernorPolicy.defaults(),
                Duration.ZERO, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period must be positive");
        GovernorService s = service(new Machine(), GovernorPolicy.defaults());
        assertThatThrownBy(() -> s.pauseFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than zero");
    }
}
