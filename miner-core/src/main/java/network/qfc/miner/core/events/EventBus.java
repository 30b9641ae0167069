package network.qfc.miner.core.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link MinerEvent}s to subscribers. {@link #publish} never blocks: each subscriber has its own bounded
 * queue and its own named daemon thread, so a slow subscriber delays only itself and never the mining loop. When a
 * subscriber's queue is full the oldest event is dropped (counted in {@link Subscription#dropped()}). A subscriber
 * that throws is logged and keeps receiving.
 *
 * <p>Lifecycle: {@link #close()} delivers what is queued (up to a timeout) and stops every dispatcher thread.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final int DEFAULT_CAPACITY = 4096;

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int capacity;
    private volatile boolean closed;

    public EventBus() {
        this(DEFAULT_CAPACITY);
    }

    public EventBus(int capacityPerSubscriber) {
        if (capacityPerSubscriber < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacityPerSubscriber;
    }

    /** Publishes {@code event} to every subscriber; returns at once. Ignored after {@link #close()}. */
    public void publish(MinerEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            return;
        }
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /**
     * Subscribes {@code listener}; it is called on a dedicated thread named {@code qfc-events-<name>}, in publish order.
     * Close the returned subscription to stop.
     */
    public Subscription subscribe(String name, Consumer<? super MinerEvent> listener) {
        return subscribe(name, capacity, listener);
    }

    /** As {@link #subscribe(String, Consumer)}, with its own queue capacity. */
    public Subscription subscribe(String name, int queueCapacity, Consumer<? super MinerEvent> listener) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (closed) {
            throw new IllegalStateException("the event bus is closed");
        }
        Subscription s = new Subscription(name, listener, queueCapacity);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    /** Delivers what is queued (each subscriber gets up to {@code timeout}) and stops all dispatcher threads. */
    public void close(Duration timeout) {
        closed = true;
        for (Subscription s : subscriptions) {
            s.finish(timeout);
        }
        subscriptions.clear();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /** One subscriber's queue and dispatcher thread. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<Object> queue;
        private final Consumer<? super MinerEvent> listener;
        private final Thread thread;
        private final AtomicLong dropped = new AtomicLong();
        private final int capacity;
        private final Object endMarker = new Object();
        private volatile boolean ending;

        private Subscription(String name, Consumer<? super MinerEvent> listener, int capacity) {
            this.listener = Objects.requireNonNull(listener, "listener");
            this.capacity = capacity;
            this.queue = new ArrayBlockingQueue<>(capacity + 1);
            this.thread = new Thread(this::run, "qfc-events-" + name);
            this.thread.setDaemon(true);
        }

        /** Events dropped because this subscriber fell more than its queue's capacity behind. */
        public long dropped() {
            return dropped.get();
        }

        private synchronized void offer(MinerEvent e) {
            if (ending) {
                return;
            }
            while (queue.size() >= capacity || !queue.offer(e)) {
                if (queue.poll() != null) {
                    dropped.incrementAndGet();
                }
            }
        }

        private void run() {
            try {
                while (true) {
                    Object o = queue.take();
                    if (o == endMarker) {
                        return;
                    }
                    try {
                        listener.accept((MinerEvent) o);
                    } catch (RuntimeException ex) {
                        LOG.warn("event subscriber {} failed on {}: {}", thread.getName(), ((MinerEvent) o).kind(),
                                ex.toString());
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }

        private void finish(Duration timeout) {
            synchronized (this) {
                ending = true;
                while (!queue.offer(endMarker)) { // never loops: one slot is kept free for the marker
                    if (queue.poll() != null) {
                        dropped.incrementAndGet();
                    }
                }
            }
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }

        /** Stops this subscriber after it has delivered what is already queued (waits at most 2 s). */
        @Override
        public void close() {
            subscriptions.remove(this);
            finish(Duration.ofSeconds(2));
        }
    }
}
