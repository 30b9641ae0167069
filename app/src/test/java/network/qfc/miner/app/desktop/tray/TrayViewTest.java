package network.qfc.miner.app.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrayViewTest {

    @ParameterizedTest(name = "on={0} paused={1} jailed={2} error={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
        // on,   paused,           jailed, error,               state,   first tooltip line,                        toggle,         pause,              pauseEnabled
        "false, -,                 false,  -,                   IDLE,    Not mining,                                Start mining,   Pause for 1 hour,   false",
        "true,  -,                 false,  -,                   MINING,  Mining,                                    Stop mining,    Pause for 1 hour,   true",
        "true,  on battery power,  false,  -,                   PAUSED,  Paused: on battery power,                  Stop mining,    Resume,             true",
        "true,  -,                 true,   -,                   ERROR,   JAILED: released in 5h 59m,                Stop mining,    Pause for 1 hour,   true",
        "true,  -,                 false,  node unreachable,    ERROR,   node unreachable,                          Stop mining,    Pause for 1 hour,   true",
        "false, -,                 true,   node unreachable,    ERROR,   JAILED: released in 5h 59m,                Start mining,   Pause for 1 hour,   false",
    })
    void stateTooltipAndMenuFollowTheFacts(boolean on, String paused, boolean jailed, String error, TrayState state,
            String firstLine, String toggle, String pause, boolean pauseEnabled) {
        TrayView v = TrayView.of(new TrayInput(on, paused, jailed, jailed ? "5h 59m" : null, error, 7));
        assertThat(v.state()).isEqualTo(state);
        assertThat(v.tooltip()).isEqualTo("QFC Desktop Miner - " + firstLine + "\n7 proofs accepted today");
        assertThat(v.toggleLabel()).isEqualTo(toggle);
        assertThat(v.pauseLabel()).isEqualTo(pause);
        assertThat(v.pauseEnabled()).isEqualTo(pauseEnabled);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 proofs", "1, 1 proof", "2, 2 proofs"})
    void tooltipCountsProofsInWords(long count, String words) {
        assertThat(TrayView.of(new TrayInput(true, null, false, null, null, count)).tooltip())
                .endsWith(words + " accepted today");
    }
}
