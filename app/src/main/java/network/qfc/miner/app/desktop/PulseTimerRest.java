package network.qfc.miner.app.desktop;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops JavaFX's pulse timer while no window is showing (the app lives in the tray), and starts it again the moment
 * one shows.
 *
 * <p>Why: JavaFX asks its pulse timer to pause when nothing animates, but on Linux the pause does nothing (JavaFX 21's
 * {@code com.sun.glass.ui.gtk.GtkTimer} has empty {@code _pause}/{@code _resume}), so the JavaFX thread wakes every
 * 16 ms for as long as the app runs: 25-34 ticks of CPU a minute in the tray, about half of the tray's budget, and 60
 * wake-ups a second that keep a laptop's CPU out of its deep idle states. Pulses only render windows and drive
 * animations; with no window showing there is nothing to render, and this app's animations (the dashboard's and the
 * earnings' refresh, the logs' batching) all stop or wait while the window is away.
 *
 * <p>How: through the toolkit's own timer object, found by reflection ({@code QuantumToolkit.pulseTimer}, a
 * {@code com.sun.glass.ui.Timer}: {@code stop()}, then {@code start(period)} with the period it had, or {@code start()}
 * for a vsync timer). Installed only where the pause is known to be empty (the GTK glass); anywhere the internals
 * differ, it logs once and does nothing, so JavaFX behaves as it always did.
 */
final class PulseTimerRest {
    private static final Logger LOG = LoggerFactory.getLogger(PulseTimerRest.class);
    /** {@code com.sun.glass.ui.Timer}'s token for a timer that is not running. */
    private static final double UNSET_PERIOD = -1.0;
    /** {@code com.sun.glass.ui.Timer}'s token for a vsync timer's period. */
    private static final double VSYNC_PERIOD = -2.0;

    private final Object timer;
    private final Method stop;
    private final Method startPeriod;
    private final Method startVsync;
    private final Field period;
    private double savedPeriod = Double.NaN;

    private PulseTimerRest(Object timer) throws ReflectiveOperationException {
        this.timer = timer;
        Class<?> c = Class.forName("com.sun.glass.ui.Timer");
        this.stop = c.getMethod("stop");
        this.startPeriod = c.getMethod("start", int.class);
        this.startVsync = c.getMethod("start");
        this.period = c.getDeclaredField("period");
        this.period.setAccessible(true);
    }

    /**
     * On the FX thread: rests the pulse timer whenever the last window hides, where JavaFX cannot pause it itself.
     * Returns the installed rest, or null where it does not apply or the toolkit's internals are not as expected.
     */
    static PulseTimerRest install() {
        if (!isGtkGlass()) {
            return null;
        }
        try {
            PulseTimerRest rest = new PulseTimerRest(toolkitTimer());
            Window.getWindows().addListener((ListChangeListener<Window>) change -> rest.update());
            rest.update();
            return rest;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot rest JavaFX's pulse timer while hidden ({}); it keeps ticking", e.toString());
            return null;
        }
    }

    /** The GTK glass (Linux, BSD): the one whose timer pause is empty. */
    static boolean isGtkGlass() {
        try {
            Object app = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null);
            return app != null && app.getClass().getName().equals("com.sun.glass.ui.gtk.GtkApplication");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Object toolkitTimer() throws ReflectiveOperationException {
        Object toolkit = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
        Field f = toolkit.getClass().getDeclaredField("pulseTimer");
        f.setAccessible(true);
        Object t = f.get(toolkit);
        if (t == null) {
            throw new IllegalStateException("the toolkit has no pulse timer");
        }
        return t;
    }

    /** Stops the timer when no window shows; starts it again, with its period, when one does. */
    synchronized void update() {
        try {
            if (Window.getWindows().isEmpty()) {
                if (Double.isNaN(savedPeriod)) {
                    double p = (double) period.get(timer);
                    if (p == UNSET_PERIOD) {
                        return; // not running (the toolkit is shutting down): leave it so
                    }
                    savedPeriod = p;
                    stop.invoke(timer);
                }
            } else if (!Double.isNaN(savedPeriod)) {
                double p = savedPeriod;
                savedPeriod = Double.NaN;
                if (p == VSYNC_PERIOD) {
                    startVsync.invoke(timer);
                } else {
                    startPeriod.invoke(timer, (int) p);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("resting JavaFX's pulse timer failed: {}", e.toString());
        }
    }

    /** Whether the timer is stopped now (for tests). */
    synchronized boolean resting() {
        return !Double.isNaN(savedPeriod);
    }
}
