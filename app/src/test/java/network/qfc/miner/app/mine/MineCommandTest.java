package network.qfc.miner.app.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import network.qfc.miner.core.governor.GovernorPolicy;
import network.qfc.miner.core.governor.MiningSchedule;
import network.qfc.miner.app.CommandRun;
import network.qfc.miner.app.QfcCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code mine} command's refusals: each a one-line reason with what to do, before anything starts. */
class MineCommandTest {

    private static CommandRun run(Map<String, String> env, String... args) {
        CommandLine cl = QfcCommand.commandLine();
        ((MineCommand) cl.getSubcommands().get("mine").getCommand()).withEnvironment(env);
        return CommandRun.run(cl, args);
    }

    @Test
    void powIsNotAModeOfThisApp() {
        CommandRun r = run(Map.of(), "mine", "--key-file", "k", "--compute-mode", "pow");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("node's own Blake3 block mining").doesNotContain("Exception");
    }

    @Test
    void powFromTheEnvironmentIsRefusedToo() {
        CommandRun r = run(Map.of("QFC_COMPUTE_MODE", "pow"), "mine", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'pow'");
    }

    @Test
    void plainHttpToAnotherComputerNeedsTheFlag() {
        CommandRun r = run(Map.of(), "mine", "--rpc", "http://rpc.example.org:8545", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("plain http:// to rpc.example.org").contains("--allow-insecure-http");
    }

    @Test
    void withoutAKeyTheUserIsToldWhereToGetOne() {
        CommandRun r = run(Map.of(), "mine");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key-file").contains("--keystore").contains("--devnet");
    }

    @Test
    void anUnknownBackendFromTheEnvironmentIsNamed() {
        CommandRun r = run(Map.of("QFC_INFERENCE_BACKEND", "tpu"), "mine", "--key-file", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown backend 'tpu'");
    }

    @Test
    void rpcAndDevnetTogetherAreRefused() {
        CommandRun r = run(Map.of(), "mine", "--devnet", "--rpc", "http://127.0.0.1:8545");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("either --rpc or --devnet");
    }

    @Test
    void helpListsTheFlagsOfTheIssue() {
        CommandRun r = run(Map.of(), "mine", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--rpc", "--devnet", "--key-file", "--keystore", "--password-file", "--backend",
                "--compute-mode", "--model-dir", "--data-dir", "--max-proofs", "--duration", "--json", "--metrics-port",
                "--allow-insecure-http", "--cpu-cap", "--idle-only", "--[no-]pause-on-battery", "--min-battery",
                "--max-temp", "--schedule", "--[no-]yield-to-user");
    }

    private static GovernorPolicy policyOf(String... args) {
        MineCommand mine = new MineCommand();
        new CommandLine(mine).parseArgs(args);
        return mine.governorPolicy();
    }

    @Test
    void withoutGovernorFlagsTheDefaultsHold() {
        GovernorPolicy p = policyOf();
        assertThat(p).isEqualTo(GovernorPolicy.defaults());
        assertThat(p.pauseOnBattery()).isTrue();
        assertThat(p.cpuCapPercent()).isEqualTo(100);
    }

    @Test
    void governorFlagsMapOntoThePolicy() {
        GovernorPolicy p = policyOf("--cpu-cap", "50", "--idle-only", "10", "--no-pause-on-battery", "--min-battery",
                "30", "--max-temp", "80", "--schedule", "mon-fri 22:00-07:00, sat-sun all", "--no-yield-to-user");
        assertThat(p.cpuCapPercent()).isEqualTo(50);
        assertThat(p.idleOnlyMinutes()).isEqualTo(10);
        assertThat(p.pauseOnBattery()).isFalse();
        assertThat(p.minBatteryPercent()).isEqualTo(30);
        assertThat(p.maxTemperatureC()).isEqualTo(OptionalDouble.of(80));
        assertThat(p.temperatureMarginC()).isEqualTo(GovernorPolicy.DEFAULT_TEMPERATURE_MARGIN_C);
        assertThat(p.yieldToUser()).isFalse();
        assertThat(p.schedule()).isEqualTo(MiningSchedule.parse("mon-fri 22:00-07:00, sat-sun all"));
        // 2026-11-18 is a Wednesday, 2026-11-21 a Saturday
        assertThat(p.schedule().allows(LocalDateTime.of(2026, 11, 18, 12, 0).atZone(ZoneOffset.UTC))).isFalse();
        assertThat(p.schedule().allows(LocalDateTime.of(2026, 11, 18, 23, 0).atZone(ZoneOffset.UTC))).isTrue();
        assertThat(p.schedule().allows(LocalDateTime.of(2026, 11, 21, 12, 0).atZone(ZoneOffset.UTC))).isTrue();
    }

    @Test
    void pauseOnBatteryCanBeSaidExplicitly() {
        assertThat(policyOf("--pause-on-battery").pauseOnBattery()).isTrue();
        assertThat(policyOf("--no-pause-on-battery").pauseOnBattery()).isFalse();
    }

    @Test
    void aCpuCapOutOfRangeIsRefusedNamingTheFlag() {
        CommandRun r = run(Map.of(), "mine", "--devnet", "--cpu-cap", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--cpu-cap").contains("between 10 and 100").doesNotContain("Exception");
        assertThat(run(Map.of(), "mine", "--devnet", "--cpu-cap", "101").code()).isEqualTo(2);
    }

    @Test
    void aCpuCapThatIsNotANumberIsRefused() {
        CommandRun r = run(Map.of(), "mine", "--devnet", "--cpu-cap", "half");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--cpu-cap").contains("half").doesNotContain("Exception");
    }

    @Test
    void idleOnlyNeedsAtLeastOneMinute() {
        CommandRun r = run(Map.of(), "mine", "--devnet", "--idle-only", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--idle-only").contains("1 to 1440");
        assertThat(run(Map.of(), "mine", "--devnet", "--idle-only", "2000").err()).contains("--idle-only");
    }

    @Test
    void batteryAndTemperatureOutOfRangeAreRefused() {
        CommandRun battery = run(Map.of(), "mine", "--devnet", "--min-battery", "150");
        assertThat(battery.code()).isEqualTo(2);
        assertThat(battery.err()).contains("--min-battery").contains("between 0 (off) and 100");
        CommandRun heat = run(Map.of(), "mine", "--devnet", "--max-temp", "200");
        assertThat(heat.code()).isEqualTo(2);
        assertThat(heat.err()).contains("--max-temp").contains("between 40 and 110");
        assertThat(run(Map.of(), "mine", "--devnet", "--max-temp", "NaN").code()).isEqualTo(2);
    }

    @Test
    void anUnreadableScheduleIsRefusedWithTheExpectedForm() {
        CommandRun r = run(Map.of(), "mine", "--devnet", "--schedule", "mon-fry 22:00-07:00");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--schedule").contains("mon-fry").doesNotContain("Exception");
    }
}
