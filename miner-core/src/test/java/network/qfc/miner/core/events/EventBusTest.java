package network.qfc.miner.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static MinerEvent submitted(int i) {
        return new MinerEvent.ProofSubmitted(Instant.EPOCH, "task" + i, 1);
    }

    @Test
    void everySubscriberGetsEveryEventInOrderOnItsOwnThread() throws Exception {
        try (EventBus bus = new EventBus()) {
            List<String> a = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(100);
            bus.subscribe("a", e -> {
                a.add(((MinerEvent.ProofSubmitted) e).taskId());
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            for (int i = 0; i < 100; i++) {
                bus.publish(submitted(i));
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(a).hasSize(100).startsWith("task0", "task1").endsWith("task99");
            assertThat(threads).containsOnly("qfc-events-a");
        }
    }

    @Test
    void aBlockedSubscriberNeitherBlocksThePublisherNorTheOthers() throws Exception {
        EventBus bus = new EventBus(10);
        CountDownLatch release = new CountDownLatch(1);
        List<String> slow = new CopyOnWriteArrayList<>();
        List<String> fast = new CopyOnWriteArrayList<>();
        CountDownLatch fastDone = new CountDownLatch(1000);
        EventBus.Subscription slowSub = bus.subscribe("slow", e -> {
            try {
                release.await();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            slow.add(((MinerEvent.ProofSubmitted) e).taskId());
        });
        bus.subscribe("fast", 2000, e -> {
            fast.add(((MinerEvent.ProofSubmitted) e).taskId());
            fastDone.countDown();
        });
        for (int i = 0; i < 1000; i++) {
            bus.publish(submitted(i)); // returns although "slow" holds its first event forever
        }
        assertThat(fastDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fast).hasSize(1000);
        release.countDown();
        bus.close();
        assertThat(slowSub.dropped()).as("the slow one lost its oldest events, not the publisher its time").isPositive();
        assertThat(slow).endsWith("task999");
        assertThat(slow.size() + slowSub.dropped()).isEqualTo(1000);
    }

    @Test
    void aThrowingSubscriberKeepsReceiving() throws Exception {
        try (EventBus bus = new EventBus()) {
            CountDownLatch two = new CountDownLatch(2);
            bus.subscribe("bad", e -> {
                two.countDown();
                throw new IllegalStateException("boom");
            });
            bus.publish(submitted(1));
            bus.publish(submitted(2));
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeDeliversWhatIsQueued() {
        EventBus bus = new EventBus();
        List<MinerEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe("printer", got::add);
        bus.publish(new MinerEvent.Stopped(Instant.EPOCH, "max proofs", true));
        bus.close();
        assertThat(got).hasSize(1).first().isInstanceOf(MinerEvent.Stopped.class);
        bus.publish(submitted(3));
        assertThat(got).hasSize(1);
    }
}
