package network.qfc.miner.app.desktop.dbus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A D-Bus session bus of the test's own: Debian's {@code dbus-daemon --session} (the {@code dbus} package; .ci/run
 * installs it), printing its address; {@link #close()} ends it. Skips the test where dbus-daemon is not installed.
 */
public final class PrivateSessionBus implements AutoCloseable {
    private final Process daemon;
    private final String address;

    private PrivateSessionBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    public static PrivateSessionBus start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dbus-daemon")),
                "dbus-daemon is not installed (apt-get install dbus)");
        Process p = new ProcessBuilder("/usr/bin/dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String address;
        try {
            address = line.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            address = null;
        }
        if (address == null || address.isBlank()) {
            p.destroyForcibly();
            throw new AssertionError("dbus-daemon --session printed no address");
        }
        return new PrivateSessionBus(p, address.trim());
    }

    /** {@code unix:path=...,guid=...}: what DBUS_SESSION_BUS_ADDRESS says. */
    public String address() {
        return address;
    }

    /** The environment a program on this bus sees. */
    public Map<String, String> env() {
        return Map.of(SessionBus.ADDRESS_VARIABLE, address);
    }

    /** A new connection of the app's kind to this bus. */
    public SessionBus connect() {
        return SessionBus.connect(env()).orElseThrow(() -> new AssertionError("cannot connect to " + address));
    }

    /** A new connection that exports {@code object} at its path and owns {@code busName}: a service as a desktop runs one. */
    public SessionBus serve(String busName, org.freedesktop.dbus.interfaces.DBusInterface object)
            throws org.freedesktop.dbus.exceptions.DBusException {
        SessionBus bus = connect();
        bus.connection().exportObject(object.getObjectPath(), object);
        bus.connection().requestBusName(busName);
        return bus;
    }

    @Override
    public void close() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            daemon.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
