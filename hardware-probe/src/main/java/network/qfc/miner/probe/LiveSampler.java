package network.qfc.miner.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples CPU load (this process and the machine), CPU temperature and battery about once a second on one daemon
 * thread, {@value #THREAD_NAME}, and hands each {@link LiveReading} to its subscribers on that thread. The thread runs
 * only while someone is subscribed: it starts on the first {@link #subscribe} and stops when the last subscription
 * is closed, so nobody listening costs nothing. Subscribers must return quickly (a UI posts to its own thread).
 */
public final class LiveSampler implements AutoCloseable {
    /** The sampling thread's name. */
    public static final String THREAD_NAME = "qfc-probe-sampler";
    private static final Logger LOG = LoggerFactory.getLogger(LiveSampler.class);

    private final HardwareSource source;
    private final Duration period;
    private final List<Consumer<LiveReading>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Thread thread;
    private volatile LiveReading latest;

    /** A sampler reading every second. */
    public LiveSampler(HardwareSource source) {
        this(source, Duration.ofSeconds(1));
    }

    public LiveSampler(HardwareSource source, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the sampling period must be positive, got " + period);
        }
        this.source = source;
        this.period = period;
    }

    /**
     * Adds a subscriber; it gets every reading from the next one on. Close the returned handle to leave (closing it
     * twice is harmless).
     */
    public LiveSubscription subscribe(Consumer<LiveReading> subscriber) {
        Subscription subscription = new Subscription(subscriber);
        synchronized (lock) {
            subscribers.add(subscription);
            if (thread == null) {
                thread = new Thread(this::run, THREAD_NAME);
                thread.setDaemon(true);
                thread.start();
            }
        }
        return subscription::close;
    }

    /** The most recent reading, if the sampler has run. */
    public Optional<LiveReading> latest() {
        return Optional.ofNullable(latest);
    }

    /** Whether the sampling thread is running (someone is subscribed). */
    public boolean running() {
        synchronized (lock) {
            return thread != null;
        }
    }

    /** Drops every subscriber and stops the thread. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (lock) {
            subscribers.clear();
            stopping = thread;
            thread = null;
        }
        stop(stopping);
    }

    private void unsubscribe(Subscription s) {
        Thread stopping = null;
        synchronized (lock) {
            if (subscribers.remove(s) && subscribers.isEmpty()) {
                stopping = thread;
                thread = null;
            }
        }
        stop(stopping);
    }

    private static void stop(Thread t) {
        if (t == null) {
            return;
        }
        t.interrupt();
        if (t != Thread.currentThread()) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        HardwareAbstractionLayer hal = source.hardware();
        OperatingSystem os = source.operatingSystem();
        CentralProcessor cpu = hal.getProcessor();
        int logical = Math.max(1, cpu.getLogicalProcessorCount());
        long[] ticks = cpu.getSystemCpuLoadTicks();
        OSProcess process = os.getCurrentProcess();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                double machine = clamp(cpu.getSystemCpuLoadBetweenTicks(ticks));
                ticks = cpu.getSystemCpuLoadTicks();
                OSProcess now = os.getCurrentProcess();
                double own = process == null || now == null ? 0.0
                        : clamp(now.getProcessCpuLoadBetweenTicks(process) / logical);
                process = now;
                LiveReading reading = new LiveReading(Instant.now(), own, machine,
                        OshiFacts.temperature(hal.getSensors().getCpuTemperature()),
                        OshiFacts.battery(hal.getPowerSources()));
                latest = reading;
                for (Consumer<LiveReading> s : subscribers) {
                    s.accept(reading);
                }
            } catch (RuntimeException e) {
                LOG.warn("live hardware sample failed: {}", e.toString());
                LOG.debug("live hardware sample failed", e);
            }
        }
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0.0 : Math.max(0.0, Math.min(1.0, v));
    }

    private final class Subscription implements Consumer<LiveReading> {
        private final Consumer<LiveReading> subscriber;

        Subscription(Consumer<LiveReading> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void accept(LiveReading reading) {
            try {
                subscriber.accept(reading);
            } catch (RuntimeException e) {
                LOG.warn("a live-reading subscriber failed: {}", e.toString());
            }
        }

        void close() {
            unsubscribe(this);
        }
    }
}
