package network.qfc.miner.app.desktop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * A child JVM for {@code PulseTimerRestXvfbTest}: the real GTK glass on an X display, {@link PulseTimerRest}
 * installed, and an animation that runs throughout (so JavaFX wants a pulse every frame). Counts pulses (the
 * animation's frames) while a window shows, while none does, and after one shows again; prints one line per fact.
 */
public final class PulseProbe {
    private PulseProbe() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong frames = new AtomicLong();
        AtomicReference<PulseTimerRest> rest = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch up = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("pulse probe"), 200, 100));
            s.show();
            stage.set(s);
            rest.set(PulseTimerRest.install());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames.incrementAndGet();
                }
            }.start();
            up.countDown();
        });
        up.await(20, TimeUnit.SECONDS);
        System.out.println("installed=" + (rest.get() != null));
        System.out.println("shown-frames=" + framesIn(frames, 1000));
        onFx(() -> stage.get().hide());
        Thread.sleep(300);
        System.out.println("hidden-resting=" + onFxValue(() -> rest.get() != null && rest.get().resting()));
        System.out.println("hidden-frames=" + framesIn(frames, 1000));
        onFx(() -> stage.get().show());
        System.out.println("again-resting=" + onFxValue(() -> rest.get() != null && rest.get().resting()));
        System.out.println("again-frames=" + framesIn(frames, 1000));
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }

    private static long framesIn(AtomicLong frames, long millis) throws InterruptedException {
        long before = frames.get();
        Thread.sleep(millis);
        return frames.get() - before;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        onFxValue(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxValue(java.util.function.Supplier<T> s) throws InterruptedException {
        AtomicReference<T> v = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            v.set(s.get());
            done.countDown();
        });
        done.await(10, TimeUnit.SECONDS);
        return v.get();
    }
}
