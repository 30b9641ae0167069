package network.qfc.miner.core.governor;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows idle time: {@code GetTickCount() - GetLastInputInfo().dwTime}, both in milliseconds since boot as unsigned
 * 32-bit counters (they wrap after 49.7 days; the unsigned difference stays right across the wrap).
 */
final class WindowsIdleTime implements IdleTimeSource {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsIdleTime.class);

    private final User32 user32;
    private final Kernel32 kernel32;

    private WindowsIdleTime(User32 user32, Kernel32 kernel32) {
        this.user32 = user32;
        this.kernel32 = kernel32;
    }

    /** Loads user32 and kernel32; unavailable (with the reason) when they cannot be loaded. */
    static IdleTimeSource open() {
        try {
            return new WindowsIdleTime(User32.INSTANCE, Kernel32.INSTANCE);
        } catch (LinkageError | RuntimeException e) {
            return IdleTimeSource.unavailable("user32/kernel32 could not be loaded (" + e.getMessage() + ")");
        }
    }

    @Override
    public synchronized Optional<Duration> idleTime() {
        try {
            WinUser.LASTINPUTINFO info = new WinUser.LASTINPUTINFO();
            info.cbSize = info.size();
            if (!user32.GetLastInputInfo(info)) {
                return Optional.empty();
            }
            return Optional.of(sinceLastInput(kernel32.GetTickCount(), info.dwTime));
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("GetLastInputInfo failed", e);
            return Optional.empty();
        }
    }

    /** {@code now - lastInput} as unsigned 32-bit milliseconds, right across the 49.7-day wrap. */
    static Duration sinceLastInput(int tickNow, int lastInputTick) {
        return Duration.ofMillis(Integer.toUnsignedLong(tickNow - lastInputTick));
    }

    @Override
    public String description() {
        return "Windows GetLastInputInfo";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void close() {
        // user32 and kernel32 stay loaded for the process
    }
}
