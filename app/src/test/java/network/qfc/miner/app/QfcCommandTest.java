package network.qfc.miner.app;

import static network.qfc.miner.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QfcCommandTest {

    @Test
    void versionNamesTheBuiltVersionAndTheRuntime() {
        CommandRun r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("qfc-desktop-miner 0.1.0").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpListsTheProduct() {
        CommandRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: qfc-desktop-miner").contains("Proof of Contribution");
    }

    @Test
    void unknownOptionIsAUsageErrorNotAStackTrace() {
        CommandRun r = run("--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-flag'").doesNotContain("Exception");
    }
}
