package network.qfc.miner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MallocArenaCapTest {
    @Test
    void glibcAcceptsTheCapOnLinux() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "glibc only");
        assumeTrue(System.getenv("MALLOC_ARENA_MAX") == null, "the environment decides");
        assertThat(MallocArenaCap.apply(MallocArenaCap.ARENAS)).isTrue();
    }

    @Test
    void refusesZeroArenas() {
        assertThatThrownBy(() -> MallocArenaCap.apply(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
