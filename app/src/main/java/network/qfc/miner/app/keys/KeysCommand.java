package network.qfc.miner.app.keys;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KeyFileInfo;
import network.qfc.miner.core.keys.Keychain;
import network.qfc.miner.core.keys.OsKeychain;
import network.qfc.miner.core.keys.PlainKeyFile;
import network.qfc.miner.core.protocol.ValidatorKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keys}: the miner key in an encrypted key file. Passwords and secrets come from files or hidden
 * prompts (or the input stream for {@code import}), never from an argument; the secret is only ever written to a
 * new owner-only file or, when asked with {@code --stdout}, to standard output.
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        description = {"The miner key: create, import, show, export, change its password.",
            "The key lives in an encrypted key file (scrypt + AES-256-GCM); its address is readable without a password.",
            MinerKeyNote.TEXT},
        subcommands = {KeysCommand.New.class, KeysCommand.Import.class, KeysCommand.Show.class,
            KeysCommand.Export.class, KeysCommand.Passwd.class, KeysCommand.Remember.class})
public final class KeysCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Unmatched
    List<String> unmatched = new ArrayList<>();

    private InputStream input;

    /** Reads secrets from {@code in} instead of the terminal or standard input (scripts, tests). */
    public KeysCommand useInput(InputStream in) {
        this.input = in;
        return this;
    }

    SecretInput secrets() {
        return new SecretInput(input);
    }

    @Override
    public Integer call() {
        refuseUnmatched(spec, unmatched);
        throw network.qfc.miner.app.cli.SubcommandRequired.error(spec);
    }

    /**
     * Refuses unknown options and extra arguments without repeating them (picocli would echo them): someone who
     * typed a secret or a password on the command line must not see it copied into a log or a bug report.
     */
    static void refuseUnmatched(CommandLine.Model.CommandSpec spec, List<String> unmatched) {
        if (!unmatched.isEmpty()) {
            int n = unmatched.size();
            unmatched.clear();
            throw new CommandLine.ParameterException(spec.commandLine(), n + " unknown option(s) or argument(s), not repeated"
                    + " here in case they hold a secret. Passwords come only from --password-file FILE or a prompt; a key"
                    + " only from a prompt or standard input; never type them as arguments.");
        }
    }

    static void printIdentity(PrintWriter out, String address, String publicKeyHex) {
        out.println("address:    " + address);
        out.println("public key: " + publicKeyHex);
        out.flush();
    }

    /**
     * What every {@code keys} subcommand shares: its parent (where secrets are read from), its spec (where output
     * goes), and the refusal of unknown options and arguments before anything runs.
     */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Unmatched
        List<String> unmatched = new ArrayList<>();

        @Override
        public final Integer call() {
            refuseUnmatched(spec, unmatched);
            return run();
        }

        /** The subcommand's work, once its arguments are known to be all its own. */
        abstract int run();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** The options of a subcommand that opens an existing key file: the file, and where its password comes from. */
    static final class KeyFileUnlock {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The encrypted key file.")
        Path keystore;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE (chmod 600).")
        Path passwordFile;

        /** The password, from {@code --password-file} or a hidden prompt; the caller wipes it. */
        char[] password(SecretInput secrets) {
            return secrets.password(passwordFile, "Password of " + keystore + ": ");
        }
    }

    /** {@code keys new}: a fresh random key, encrypted. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create a new miner key in a new encrypted key file; prints its address and public key.")
    static final class New extends Sub {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The key file to create (never overwritten).")
        Path keystore;
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE (chmod 600) instead of asking twice.")
        Path passwordFile;

        @Override
        int run() {
            char[] password = keys.secrets().newPassword(passwordFile);
            try (ValidatorKey key = ValidatorKey.generate(new java.security.SecureRandom())) {
                EncryptedKeyFile.write(keystore, key, password);
                out().println("created " + keystore);
                printIdentity(out(), key.address().toString(), key.publicKeyHex());
                out().println(MinerKeyNote.TEXT);
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    /** {@code keys import}: an existing 64-hex secret, from a hidden prompt or standard input. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Encrypt an existing miner (or validator) key (64 hex characters) into a new key file.",
                "The secret is read from a hidden prompt, or from the first line of standard input when piped."})
    static final class Import extends Sub {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The key file to create (never overwritten).")
        Path keystore;
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the new password from the first line of FILE (chmod 600) instead of asking twice.")
        Path passwordFile;

        @Override
        int run() {
            SecretInput secrets = keys.secrets();
            char[] text = secrets.secretLine("Miner key (64 hex characters, hidden): ");
            ValidatorKey key;
            try {
                key = PlainKeyFile.fromText(text);
            } finally {
                Arrays.fill(text, '\0');
            }
            try (key) {
                char[] password = secrets.newPassword(passwordFile);
                try {
                    EncryptedKeyFile.write(keystore, key, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                out().println("imported into " + keystore);
                printIdentity(out(), key.address().toString(), key.publicKeyHex());
            }
            return 0;
        }
    }

    /** {@code keys show}: the clear part, no password. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the address and public key of a key file (no password needed).")
    static final class Show extends Sub {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The encrypted key file.")
        Path keystore;

        @Override
        int run() {
            KeyFileInfo info = EncryptedKeyFile.info(keystore);
            printIdentity(out(), info.address().toString(), info.publicKeyHex());
            return 0;
        }
    }

    /** {@code keys export}: the plain secret, to a new owner-only file, or to stdout only when asked. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the plain secret key (64 hex, the reference miner's format) after checking the password.",
                "To a new owner-only file with --out; printed only with an explicit --stdout."})
    static final class Export extends Sub {
        @Mixin
        KeyFileUnlock unlock;
        @Option(names = "--out", paramLabel = "FILE", description = "A new file for the secret (owner-only; never overwritten).")
        Path out;
        @Option(names = "--stdout", description = "Print the secret on standard output (it will be on your screen or in your pipe).")
        boolean stdout;

        @Override
        int run() {
            if ((out == null) == !stdout) {
                throw new CommandLine.ParameterException(spec.commandLine(), out == null
                        ? "refusing to print the secret key: give --out FILE (written owner-only), or --stdout if you mean it"
                        : "give either --out FILE or --stdout, not both");
            }
            char[] password = unlock.password(keys.secrets());
            ValidatorKey key;
            try {
                key = EncryptedKeyFile.read(unlock.keystore, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            try (key) {
                if (out != null) {
                    PlainKeyFile.write(out, key);
                    out().println("wrote the secret key of " + key.address() + " to " + out
                            + " (owner-only). Keep it offline; anyone who reads it controls the stake.");
                } else {
                    byte[] seed = key.exportSeed();
                    char[] hex = new char[64];
                    try {
                        encodeHex(seed, hex);
                        PrintWriter w = out();
                        w.write(hex);
                        w.println();
                        w.flush();
                    } finally {
                        Arrays.fill(seed, (byte) 0);
                        Arrays.fill(hex, '\0');
                    }
                }
            }
            return 0;
        }

        private static void encodeHex(byte[] seed, char[] hex) {
            final char[] digits = "0123456789abcdef".toCharArray();
            for (int i = 0; i < seed.length; i++) {
                hex[2 * i] = digits[(seed[i] >> 4) & 0xf];
                hex[2 * i + 1] = digits[seed[i] & 0xf];
            }
        }
    }

    /** {@code keys passwd}: re-encrypt under a new password, atomically. */
    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change the password of a key file (re-encrypted and replaced atomically).")
    static final class Passwd extends Sub {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The encrypted key file.")
        Path keystore;
        @Option(names = "--old-password-file", paramLabel = "FILE", description = "The current password, first line of FILE (chmod 600).")
        Path oldPasswordFile;
        @Option(names = "--new-password-file", paramLabel = "FILE", description = "The new password, first line of FILE (chmod 600).")
        Path newPasswordFile;

        @Override
        int run() {
            SecretInput secrets = keys.secrets();
            char[] old = secrets.password(oldPasswordFile, "Current password of " + keystore + ": ");
            char[] fresh = null;
            try {
                fresh = secrets.newPassword(newPasswordFile);
                EncryptedKeyFile.changePassword(keystore, old, fresh);
            } finally {
                Arrays.fill(old, '\0');
                if (fresh != null) {
                    Arrays.fill(fresh, '\0');
                }
            }
            out().println("changed the password of " + keystore + " (" + EncryptedKeyFile.addressOf(keystore) + ")");
            return 0;
        }
    }

    /** {@code keys remember}: the key file's password in the OS keychain, so mining can start without a prompt. */
    @Command(name = "remember", mixinStandardHelpOptions = true,
            description = {"Remember the key file's password on this computer (the OS keychain), so mining starts without a prompt.",
                "With --forget, remove it. Where no keychain works, says so: the password will be asked at start."})
    static final class Remember extends Sub {
        @Mixin
        KeyFileUnlock unlock;
        @Option(names = "--forget", description = "Remove the remembered password instead.")
        boolean forget;

        @Override
        int run() {
            String account = Keychain.accountOf(unlock.keystore);
            try (Keychain keychain = OsKeychain.open(Duration.ofSeconds(10))) {
                if (!keychain.available()) {
                    spec.commandLine().getErr().println(keychain.status());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                if (forget) {
                    keychain.forget(account);
                    out().println("forgot the password of " + unlock.keystore);
                    return 0;
                }
                char[] password = unlock.password(keys.secrets());
                try {
                    EncryptedKeyFile.read(unlock.keystore, password).destroy(); // remember only a password that opens the file
                    keychain.remember(account, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                out().println("remembered the password of " + unlock.keystore + ": " + keychain.status());
                return 0;
            }
        }
    }
}
