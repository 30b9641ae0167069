package network.qfc.miner.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real sampler on this machine. */
@SuppressWarnings("try")
class LiveSamplerTest {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSamplerTest.class);
    private final LiveSampler sampler = new LiveSampler(HardwareSource.ofThisMachine());

    @AfterEach
    void close() {
        sampler.close();
    }

    @Test
    void deliversAboutOneReadingASecondAndSeesThisProcessWork() throws Exception {
        List<LiveReading> readings = new CopyOnWriteArrayList<>();
        CountDownLatch four = new CountDownLatch(4);
        AtomicBoolean stop = new AtomicBoolean();
        Thread burner = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            LOG.debug("burned {}", x);
        }, "test-burner");
        try (AutoCloseable sub = sampler.subscribe(r -> {
            readings.add(r);
            four.countDown();
        })) {
            assertThat(samplerThreadAlive()).isTrue();
            burner.start();
            assertThat(four.await(30, TimeUnit.SECONDS)).as("four readings arrive").isTrue();
        } finally {
            stop.set(true);
            burner.join();
        }
        LOG.info("readings: {}", readings);
        for (LiveReading r : readings) {
            assertThat(r.processCpuLoad()).isBetween(0.0, 1.0);
            assertThat(r.machineCpuLoad()).isBetween(0.0, 1.0);
            r.cpuTemperatureC().ifPresent(t -> assertThat(t).isPositive());
        }
        for (int i = 1; i < readings.size(); i++) {
            Duration gap = Duration.between(readings.get(i - 1).at(), readings.get(i).at());
            LOG.info("gap between readings {} and {}: {} ms", i - 1, i, gap.toMillis());
            assertThat(gap).as("the sampler waits its period between readings").isGreaterThanOrEqualTo(
                    Duration.ofMillis(900));
        }
        assertThat(readings).as("a busy thread of this JVM shows in its CPU load")
                .anySatisfy(r -> assertThat(r.processCpuLoad()).isGreaterThan(0.05));
        assertThat(sampler.latest()).hasValue(readings.get(readings.size() - 1));
    }

    @Test
    void runsOnlyWhileSomeoneListens() throws Exception {
        assertThat(samplerThreadAlive()).isFalse();
        assertThat(sampler.running()).isFalse();
        List<LiveReading> first = new CopyOnWriteArrayList<>();
        CountDownLatch one = new CountDownLatch(1);
        AutoCloseable a = sampler.subscribe(r -> {
            first.add(r);
            one.countDown();
        });
        AutoCloseable b = sampler.subscribe(r -> { });
        assertThat(one.await(30, TimeUnit.SECONDS)).isTrue();

        a.close();
        assertThat(samplerThreadAlive()).as("one subscriber is left").isTrue();
        b.close();
        assertThat(samplerThreadAlive()).as("the last subscriber left").isFalse();
        assertThat(sampler.running()).isFalse();
        b.close();

        int seen = first.size();
        Thread.sleep(1_500);
        assertThat(first).as("no reading after leaving").hasSize(seen);

        CountDownLatch again = new CountDownLatch(1);
        try (AutoCloseable c = sampler.subscribe(r -> again.countDown())) {
            assertThat(samplerThreadAlive()).isTrue();
            assertThat(again.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(samplerThreadAlive()).isFalse();
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() throws Exception {
        CountDownLatch two = new CountDownLatch(2);
        try (AutoCloseable bad = sampler.subscribe(r -> {
            throw new IllegalStateException("subscriber bug");
        }); AutoCloseable good = sampler.subscribe(r -> two.countDown())) {
            assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static boolean samplerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(LiveSampler.THREAD_NAME) && t.isAlive());
    }
}
