package network.qfc.miner.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Collects every exception a test provokes so the class can assert that no secret ever reached a message. */
final class SecretWatch {
    private final List<String> texts = new ArrayList<>();

    /** Runs {@code call}, which must throw; records the message and toString of the whole cause chain. */
    Throwable thrown(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).as("an exception was expected").isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
            texts.add(String.valueOf(c.getMessage()));
            texts.add(c.toString());
        }
        return t;
    }

    void record(Object o) {
        texts.add(String.valueOf(o));
    }

    int size() {
        return texts.size();
    }

    /** None of the recorded texts contains any of {@code secrets} (case-insensitive). */
    void assertNoneContains(String... secrets) {
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            for (String s : secrets) {
                assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(s.toLowerCase(Locale.ROOT));
            }
        }
    }
}
