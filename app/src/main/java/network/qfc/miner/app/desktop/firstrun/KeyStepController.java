package network.qfc.miner.app.desktop.firstrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.core.keys.KeyFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key part of setup: checks what was typed, then creates or imports the key off the FX thread through
 * {@link KeySetup}. Every secret and password array given to it is wiped when it is done with it.
 */
public final class KeyStepController {
    private static final Logger LOG = LoggerFactory.getLogger(KeyStepController.class);
    private final KeyStepModel model;
    private final KeySetup setup;
    private final Executor background;

    public KeyStepController(KeyStepModel model, KeySetup setup, Executor background) {
        this.model = model;
        this.setup = setup;
        this.background = background;
    }

    public KeySetup setup() {
        return setup;
    }

    /** Updates the strength hint while a new password is typed. */
    public void onPasswordTyped(CharSequence password) {
        model.strength.set(model.choice.get() == KeyChoice.IMPORT_FILE || password.length() == 0 ? ""
                : PasswordStrength.of(password).hint());
    }

    /**
     * Checks the inputs and, when they are usable, writes the key in the background. Empty (with the reason in the
     * model's error) when they are not. The arrays are wiped in every case.
     *
     * @param secret   the 64-hex secret (import secret only, else empty)
     * @param password the new password, or the key file's password (import file)
     * @param repeat   the new password again (not for import file)
     */
    public Optional<CompletableFuture<WrittenKey>> onSubmit(char[] secret, char[] password, char[] repeat) {
        KeyChoice choice = model.choice.get();
        String problem = problem(choice, secret, password, repeat, model.sourceFile.get());
        KeySetup.wipe(repeat);
        if (problem != null) {
            KeySetup.wipe(secret);
            KeySetup.wipe(password);
            model.error.set(problem);
            return Optional.empty();
        }
        model.error.set("");
        model.working.set(true);
        Path source = choice == KeyChoice.IMPORT_FILE ? Path.of(model.sourceFile.get().strip()) : null;
        CompletableFuture<WrittenKey> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return switch (choice) {
                    case CREATE -> setup.createNew(password);
                    case IMPORT_SECRET -> setup.importSecret(secret, password);
                    case IMPORT_FILE -> setup.importKeyFile(source, password);
                };
            } finally {
                KeySetup.wipe(secret);
                KeySetup.wipe(password);
            }
        }, background).whenComplete((written, failure) -> UiThread.run(() -> {
            model.working.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                model.error.set(readable(cause));
                LOG.warn("key setup failed: {}", readable(cause));
                done.completeExceptionally(cause);
            } else {
                LOG.info("validator key {} written to {}", written.key().address(), written.file());
                done.complete(written);
            }
        }));
        return Optional.of(done);
    }

    /** What is wrong with the inputs, or null. Never repeats a secret or a password. */
    static String problem(KeyChoice choice, char[] secret, char[] password, char[] repeat, String sourceFile) {
        if (choice == KeyChoice.IMPORT_FILE) {
            if (sourceFile == null || sourceFile.isBlank()) {
                return "Choose the encrypted key file to import.";
            }
            if (!Files.isRegularFile(Path.of(sourceFile.strip()))) {
                return "The key file " + sourceFile.strip() + " does not exist.";
            }
            if (password.length == 0) {
                return "Type the password of that key file.";
            }
            return null;
        }
        if (choice == KeyChoice.IMPORT_SECRET && !isSecretHex(secret)) {
            return "The secret key must be 64 hex characters (0-9, a-f), optionally starting with 0x.";
        }
        if (!PasswordStrength.of(java.nio.CharBuffer.wrap(password)).acceptable()) {
            return "The password must have at least " + PasswordStrength.MINIMUM + " characters.";
        }
        if (!Arrays.equals(password, repeat)) {
            return "The two passwords differ: type the same password twice.";
        }
        return null;
    }

    static boolean isSecretHex(char[] s) {
        int start = 0;
        int end = s.length;
        while (start < end && Character.isWhitespace(s[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(s[end - 1])) {
            end--;
        }
        if (end - start >= 2 && s[start] == '0' && (s[start + 1] == 'x' || s[start + 1] == 'X')) {
            start += 2;
        }
        if (end - start != 64) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static String readable(Throwable t) {
        if (t instanceof KeyFileException) {
            String m = t.getMessage();
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
        }
        return "The key could not be saved (" + t.getClass().getSimpleName() + "). See the Logs page.";
    }
}
