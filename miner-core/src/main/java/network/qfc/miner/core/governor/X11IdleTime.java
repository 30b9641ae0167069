package network.qfc.miner.core.governor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux/BSD X11 idle time through the MIT-SCREEN-SAVER extension ({@code libXss}): {@code XOpenDisplay},
 * {@code XScreenSaverAllocInfo}, {@code XScreenSaverQueryInfo} on the root window, whose {@code idle} field is
 * milliseconds since the last input. The display is opened for each reading and closed right after, so a server that
 * goes away (logout) is never read from again (Xlib ends the process on I/O errors of an open connection).
 * Under Wayland with XWayland, it sees only input to X11 windows.
 */
final class X11IdleTime implements IdleTimeSource {
    private static final Logger LOG = LoggerFactory.getLogger(X11IdleTime.class);

    /** The few Xlib calls needed. */
    interface Xlib extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);

        NativeLong XDefaultRootWindow(Pointer display);

        int XFree(Pointer data);
    }

    /** The XScreenSaver extension's calls. */
    interface Xss extends Library {
        boolean XScreenSaverQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

        Pointer XScreenSaverAllocInfo();

        int XScreenSaverQueryInfo(Pointer display, NativeLong drawable, Pointer info);
    }

    /** {@code XScreenSaverInfo} from {@code X11/extensions/scrnsaver.h}. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    public static final class XScreenSaverInfo extends Structure {
        public NativeLong window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;

        public XScreenSaverInfo(Pointer p) {
            super(p);
        }
    }

    private final String display;
    private final Xlib xlib;
    private final Xss xss;
    private volatile boolean warned;

    private X11IdleTime(String display, Xlib xlib, Xss xss) {
        this.display = display;
        this.xlib = xlib;
        this.xss = xss;
    }

    /**
     * Loads libX11 and libXss and checks the display answers and has the extension; otherwise an unavailable source
     * saying which of these failed and what to do.
     */
    static IdleTimeSource open(String display) {
        Xlib xlib;
        Xss xss;
        try {
            xlib = Native.load("X11", Xlib.class);
        } catch (LinkageError | RuntimeException e) {
            return IdleTimeSource.unavailable("libX11 could not be loaded (install libx11-6)");
        }
        try {
            xss = Native.load("Xss", Xss.class);
        } catch (LinkageError | RuntimeException e) {
            return IdleTimeSource.unavailable("libXss could not be loaded (install libxss1)");
        }
        Pointer d;
        try {
            d = xlib.XOpenDisplay(display);
        } catch (LinkageError | RuntimeException e) {
            return IdleTimeSource.unavailable("X display " + display + " could not be opened (" + e.getMessage() + ")");
        }
        if (d == null) {
            return IdleTimeSource.unavailable("X display " + display + " could not be opened");
        }
        try {
            if (!xss.XScreenSaverQueryExtension(d, new IntByReference(), new IntByReference())) {
                return IdleTimeSource.unavailable("X display " + display + " has no MIT-SCREEN-SAVER extension");
            }
        } finally {
            xlib.XCloseDisplay(d);
        }
        return new X11IdleTime(display, xlib, xss);
    }

    @Override
    public synchronized Optional<Duration> idleTime() {
        Pointer d = null;
        Pointer info = null;
        try {
            d = xlib.XOpenDisplay(display);
            if (d == null) {
                warnOnce("X display " + display + " could not be opened");
                return Optional.empty();
            }
            info = xss.XScreenSaverAllocInfo();
            if (info == null || xss.XScreenSaverQueryInfo(d, xlib.XDefaultRootWindow(d), info) == 0) {
                warnOnce("XScreenSaverQueryInfo failed on " + display);
                return Optional.empty();
            }
            XScreenSaverInfo read = new XScreenSaverInfo(info);
            read.read();
            return Optional.of(Duration.ofMillis(read.idle.longValue()));
        } catch (LinkageError | RuntimeException e) {
            warnOnce("X11 idle query failed: " + e);
            return Optional.empty();
        } finally {
            if (info != null) {
                xlib.XFree(info);
            }
            if (d != null) {
                xlib.XCloseDisplay(d);
            }
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.warn("idle time: {}", message);
        }
    }

    @Override
    public String description() {
        return "X11 XScreenSaver on " + display;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void close() {
        // the display is opened and closed for each reading
    }
}
