package network.qfc.miner.app.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import network.qfc.miner.core.inference.BackendPreference;
import network.qfc.miner.core.mining.ComputeMode;
import picocli.CommandLine;

/** The closed choices of the command line, as picocli completion candidates (lower case, as users type them). */
public final class Choices {
    private Choices() {
    }

    private static Iterator<String> lowerCase(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).iterator();
    }

    /** {@code --backend}: auto, cuda, metal, cpu. */
    public static final class Backends implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(BackendPreference.values());
        }
    }

    /** {@code --compute-mode}: inference, auto, none. */
    public static final class ComputeModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(ComputeMode.values());
        }
    }

    /** {@code --compute-mode} through {@link ComputeMode#parse}, which says what to do instead of {@code pow}. */
    public static final class ComputeModeConverter implements CommandLine.ITypeConverter<ComputeMode> {
        @Override
        public ComputeMode convert(String value) {
            try {
                return ComputeMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
