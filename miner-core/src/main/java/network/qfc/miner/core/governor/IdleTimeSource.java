package network.qfc.miner.core.governor;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long the user has been away from keyboard and mouse, as the OS knows it: Windows {@code GetLastInputInfo},
 * macOS {@code HIDIdleTime} (through {@code ioreg}), Linux X11 through the XScreenSaver extension. Where none of
 * these works (no display, Wayland without X11, missing library), {@link #idleTime()} is empty and
 * {@link #description()} says why, starting with "idle detection unavailable". Never throws; close it when done.
 */
public interface IdleTimeSource extends AutoCloseable {

    /** Time since the last keyboard or mouse input; empty when it cannot be read right now. Never throws. */
    Optional<Duration> idleTime();

    /** What this source is, e.g. "X11 XScreenSaver on :0", or "idle detection unavailable: ..." and why. */
    String description();

    /** Whether this source can read idle time at all (an available source may still miss a reading). */
    boolean available();

    /** Releases native resources; idempotent, throws nothing. */
    @Override
    void close();

    /** The source for the OS this process runs on (see the class comment); never throws. */
    static IdleTimeSource forThisMachine() {
        return forSystem(System.getProperty("os.name", ""), System.getenv());
    }

    /** The source for an OS name and environment (testable form of {@link #forThisMachine()}). */
    static IdleTimeSource forSystem(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WindowsIdleTime.open();
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new IoregIdleTime();
        }
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            return unavailable(env.containsKey("WAYLAND_DISPLAY")
                    ? "Wayland session without X11 (DISPLAY is not set)" : "no X11 display (DISPLAY is not set)");
        }
        return X11IdleTime.open(display);
    }

    /** A source that never knows, saying why. */
    static IdleTimeSource unavailable(String why) {
        return new UnavailableIdleTime(why);
    }
}
