package network.qfc.miner.core.keys;

import java.io.Console;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a key file's password comes from: a password file (its first line; owner-only like a key file), a hidden
 * prompt on the terminal, or the OS keychain with a fallback. Never a command-line value. Each call returns a fresh
 * {@code char[]} the caller wipes.
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password; the caller wipes the array after use. */
    char[] password();

    /**
     * The first line of {@code file} (UTF-8, without the line break). The file must be readable by its owner only
     * (POSIX), as a key file: "chmod 600 FILE" otherwise.
     */
    static PasswordSource file(Path file) {
        return () -> firstLine(file);
    }

    /** A hidden prompt on the terminal; a clear error where there is no terminal (use a password file). */
    static PasswordSource console(String prompt) {
        return () -> {
            Console console = System.console();
            if (console == null) {
                throw new KeyFileException("no terminal to ask for the password: give a password file instead");
            }
            char[] p = console.readPassword("%s", prompt);
            if (p == null) {
                throw new KeyFileException("no password was entered (end of input)");
            }
            return p;
        };
    }

    /** The password remembered in {@code keychain} for {@code account}, else {@code fallback}'s. */
    static PasswordSource remembered(Keychain keychain, String account, PasswordSource fallback) {
        return () -> {
            Optional<char[]> p = keychain.password(account);
            return p.orElseGet(fallback::password);
        };
    }

    private static char[] firstLine(Path file) {
        byte[] bytes = OwnerOnlyFile.readSmall(file, "password file", 4096);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new KeyFileException("password file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
