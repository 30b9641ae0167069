package network.qfc.miner.core.keys;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain through java-keyring. Every call runs on one named thread with a time limit, because a keychain
 * may wait on D-Bus or on an unlock dialog; a call that fails or times out is reported, never hangs the miner.
 *
 * <p>Limit: java-keyring passes passwords as {@link String}, which cannot be wiped; the copy we hand out is a
 * {@code char[]} the caller wipes.
 */
public final class OsKeychain implements Keychain {
    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);

    private final Keyring keyring;
    private final ExecutorService thread;
    private final Duration timeout;

    private OsKeychain(Keyring keyring, ExecutorService thread, Duration timeout) {
        this.keyring = keyring;
        this.thread = thread;
        this.timeout = timeout;
    }

    /**
     * Opens this computer's keychain, or a {@link NoKeychain} saying why none works (no backend, no D-Bus session,
     * no Secret Service, or no answer within {@code timeout}).
     */
    public static Keychain open(Duration timeout) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "os-keychain");
            t.setDaemon(true);
            return t;
        });
        try {
            Keyring keyring = call(thread, timeout, Keyring::create);
            OsKeychain keychain = new OsKeychain(keyring, thread, timeout);
            keychain.probe();
            return keychain;
        } catch (KeychainFailure e) {
            thread.shutdownNow();
            LOG.info("{}", NoKeychain.STATUS + " (" + e.getMessage() + ")");
            return new NoKeychain(e.getMessage());
        }
    }

    /** A read of an entry that does not exist: proves the keychain answers (Secret Service may be absent). */
    private void probe() {
        try {
            call(thread, timeout, () -> keyring.getPassword(SERVICE, "probe"));
        } catch (KeychainFailure e) {
            if (!e.notFound) {
                throw e;
            }
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String status() {
        return "passwords are remembered in the OS keychain (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public Optional<char[]> password(String account) {
        try {
            String p = call(thread, timeout, () -> keyring.getPassword(SERVICE, account));
            return Optional.ofNullable(p).map(String::toCharArray);
        } catch (KeychainFailure e) {
            if (!e.notFound) {
                LOG.warn("could not read the remembered password from the OS keychain: {}", e.getMessage());
            }
            return Optional.empty();
        }
    }

    @Override
    public void remember(String account, char[] password) {
        String p = new String(password);
        try {
            call(thread, timeout, () -> {
                keyring.setPassword(SERVICE, account, p);
                return null;
            });
        } catch (KeychainFailure e) {
            throw new KeyFileException("could not remember the password in the OS keychain: " + e.getMessage());
        }
    }

    @Override
    public void forget(String account) {
        try {
            call(thread, timeout, () -> {
                keyring.deletePassword(SERVICE, account);
                return null;
            });
        } catch (KeychainFailure e) {
            if (!e.notFound) {
                throw new KeyFileException("could not forget the password in the OS keychain: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            call(thread, timeout, () -> {
                keyring.close();
                return null;
            });
        } catch (KeychainFailure e) {
            LOG.debug("closing the OS keychain: {}", e.getMessage());
        } finally {
            thread.shutdownNow();
        }
    }

    private static <T> T call(ExecutorService thread, Duration timeout, Callable<T> work) {
        Future<T> f = thread.submit(work);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new KeychainFailure("the OS keychain did not answer within " + timeout.toSeconds() + " s", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new KeychainFailure("interrupted while waiting for the OS keychain", false);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BackendNotSupportedException) {
                throw new KeychainFailure("no keychain backend works here: " + c.getMessage(), false);
            }
            if (c instanceof PasswordAccessException) {
                String m = String.valueOf(c.getMessage());
                boolean notFound = m.toLowerCase(java.util.Locale.ROOT).contains("not found")
                        || m.toLowerCase(java.util.Locale.ROOT).contains("no password");
                throw new KeychainFailure(m, notFound);
            }
            throw new KeychainFailure(c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()), false);
        }
    }

    /** A keychain call that failed; {@code notFound} when the entry simply does not exist. */
    private static final class KeychainFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient boolean notFound;

        KeychainFailure(String message, boolean notFound) {
            super(message, null, false, false);
            this.notFound = notFound;
        }
    }
}
