package network.qfc.miner.app.keys;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.qfc.miner.core.keys.KeyFileException;
import network.qfc.miner.core.keys.PasswordSource;

/**
 * Where the {@code keys} commands read secrets from: a hidden prompt on the terminal, or (for scripts and tests)
 * the first line of an input stream. Secrets come back as {@code char[]} the caller wipes; never as a String.
 */
final class SecretInput {
    private static final int MAX_LINE = 4096;

    private final InputStream piped;

    /** {@code piped} null: the terminal if there is one, else standard input. */
    SecretInput(InputStream piped) {
        this.piped = piped;
    }

    /** A hidden answer to {@code prompt} on the terminal, or the next line of the input when there is none. */
    char[] secretLine(String prompt) {
        Console console = System.console();
        if (piped == null && console != null) {
            char[] line = console.readPassword("%s", prompt);
            if (line == null) {
                throw new KeyFileException("nothing was entered (end of input)");
            }
            return line;
        }
        return readLine(piped == null ? System.in : piped);
    }

    /** A new password: from the file if given, else asked twice on the terminal; never empty. */
    char[] newPassword(java.nio.file.Path passwordFile) {
        char[] p = passwordFile != null ? PasswordSource.file(passwordFile).password() : askTwice();
        if (p.length == 0) {
            throw new KeyFileException("an empty password protects nothing: choose a password"
                    + (passwordFile != null ? " and write it on the first line of " + passwordFile : ""));
        }
        return p;
    }

    /** The password of an existing key file: from the file if given, else asked once on the terminal. */
    char[] password(java.nio.file.Path passwordFile, String prompt) {
        return passwordFile != null ? PasswordSource.file(passwordFile).password() : terminal().readPasswordOrFail(prompt);
    }

    private char[] askTwice() {
        Terminal t = terminal();
        char[] first = t.readPasswordOrFail("New password: ");
        char[] second = t.readPasswordOrFail("Repeat the password: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new KeyFileException("the two passwords differ: nothing was written");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private static Terminal terminal() {
        Console console = System.console();
        if (console == null) {
            throw new KeyFileException("no terminal to ask for the password: give --password-file FILE"
                    + " (first line is the password; chmod 600 FILE)");
        }
        return new Terminal(console);
    }

    /** The console, reading hidden input. */
    private record Terminal(Console console) {
        char[] readPasswordOrFail(String prompt) {
            char[] p = console.readPassword("%s", prompt);
            if (p == null) {
                throw new KeyFileException("no password was entered (end of input)");
            }
            return p;
        }
    }

    /** The first line of {@code in} (UTF-8, at most 4 KiB, line break dropped) without making a String. */
    static char[] readLine(InputStream in) {
        byte[] buf = new byte[MAX_LINE];
        int n = 0;
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (n == buf.length) {
                    throw new KeyFileException("the input line is longer than " + MAX_LINE + " bytes");
                }
                buf[n++] = (byte) b;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, 0, n));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new KeyFileException("the input is not UTF-8 text");
        } catch (IOException e) {
            throw new KeyFileException("could not read the standard input: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
