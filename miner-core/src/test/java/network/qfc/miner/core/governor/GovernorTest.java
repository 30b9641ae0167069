package network.qfc.miner.core.governor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import network.qfc.miner.core.governor.GovernorDecision.Action;
import network.qfc.miner.core.governor.GovernorDecision.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GovernorTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** Wednesday 18 November 2026, 14:00. */
    static final ZonedDateTime WED_1400 = at("2026-11-18T14:00");
    static final String NIGHTS_AND_WEEKENDS = "mon-fri 22:00-07:00, sat-sun all";

    private final Governor governor = new Governor();

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE);
    }

    /** A laptop on mains power, 60 °C, user away for 10 minutes, nothing else running, tasks of 1 s, 4 cores. */
    static GovernorReadings base() {
        return new GovernorReadings(0.05, 0.0, Optional.of(Duration.ofMinutes(10)), Optional.of(false),
                OptionalInt.of(80), OptionalDouble.of(60), WED_1400, 4, Optional.of(Duration.ofSeconds(1)));
    }

    static Arguments row(String name, UnaryOperator<GovernorPolicy> policy, UnaryOperator<GovernorReadings> readings,
                         Action action, Cause cause, String reason, List<String> notes) {
        return Arguments.of(name, policy, readings, action, cause, reason, notes);
    }

    static Arguments row(String name, UnaryOperator<GovernorPolicy> policy, UnaryOperator<GovernorReadings> readings,
                         Action action, Cause cause, String reason) {
        return row(name, policy, readings, action, cause, reason, List.of());
    }

    static UnaryOperator<GovernorPolicy> same() {
        return p -> p;
    }

    static UnaryOperator<GovernorReadings> idle(Duration d) {
        return r -> r.withIdleTime(Optional.ofNullable(d));
    }

    static UnaryOperator<GovernorReadings> when(String local) {
        return r -> r.withNow(at(local));
    }

    static UnaryOperator<GovernorPolicy> hours(String text) {
        return p -> p.withSchedule(MiningSchedule.parse(text));
    }

    static Stream<Arguments> singleDecisions() {
        String idleNa = Governor.IDLE_UNAVAILABLE;
        String tempNa = Governor.TEMPERATURE_UNKNOWN;
        return Stream.of(
                row("quiet machine", same(), r -> r, Action.RUN, Cause.NONE, "running"),
                // power and battery
                row("on battery", same(), r -> r.withBattery(Optional.of(true), OptionalInt.of(90)),
                        Action.PAUSE, Cause.BATTERY, "paused: on battery power"),
                row("on battery allowed, 50%", p -> p.withPauseOnBattery(false),
                        r -> r.withBattery(Optional.of(true), OptionalInt.of(50)), Action.RUN, Cause.NONE, "running"),
                row("on battery allowed, 15%", p -> p.withPauseOnBattery(false),
                        r -> r.withBattery(Optional.of(true), OptionalInt.of(15)),
                        Action.PAUSE, Cause.LOW_BATTERY, "paused: battery at 15% (minimum 20%)"),
                row("on AC at 15% (charging)", same(), r -> r.withBattery(Optional.of(false), OptionalInt.of(15)),
                        Action.RUN, Cause.NONE, "running"),
                row("minimum off", p -> p.withPauseOnBattery(false).withMinBatteryPercent(0),
                        r -> r.withBattery(Optional.of(true), OptionalInt.of(3)), Action.RUN, Cause.NONE, "running"),
                row("no battery at all", same(), r -> r.withBattery(Optional.empty(), OptionalInt.empty()),
                        Action.RUN, Cause.NONE, "running"),
                row("power unknown, charge known low", same(), r -> r.withBattery(Optional.empty(), OptionalInt.of(10)),
                        Action.PAUSE, Cause.LOW_BATTERY, "paused: battery at 10% (minimum 20%)"),
                // heat
                row("hot", same(), r -> r.withTemperatureC(OptionalDouble.of(91)),
                        Action.PAUSE, Cause.HEAT, "paused: CPU at 91 °C, resumes below 85 °C"),
                row("exactly at the limit", same(), r -> r.withTemperatureC(OptionalDouble.of(90)),
                        Action.PAUSE, Cause.HEAT, "paused: CPU at 90 °C, resumes below 85 °C"),
                row("warm but under the limit, not paused before", same(),
                        r -> r.withTemperatureC(OptionalDouble.of(88)), Action.RUN, Cause.NONE, "running"),
                row("custom limit and margin", p -> p.withMaxTemperatureC(OptionalDouble.of(80), 10),
                        r -> r.withTemperatureC(OptionalDouble.of(81)),
                        Action.PAUSE, Cause.HEAT, "paused: CPU at 81 °C, resumes below 70 °C"),
                row("temperature unknown is not 0 °C and not hot", same(),
                        r -> r.withTemperatureC(OptionalDouble.empty()), Action.RUN, Cause.NONE, "running",
                        List.of(tempNa)),
                row("heat limit off", p -> p.withMaxTemperatureC(OptionalDouble.empty(), 5),
                        r -> r.withTemperatureC(OptionalDouble.of(99)), Action.RUN, Cause.NONE, "running"),
                // idle-only
                row("user active", p -> p.withIdleOnlyMinutes(5), idle(Duration.ofSeconds(12)),
                        Action.PAUSE, Cause.USER_ACTIVE, "paused: user active (idle 0:12 < 5 min)"),
                row("user away 4:59", p -> p.withIdleOnlyMinutes(5), idle(Duration.ofSeconds(299)),
                        Action.PAUSE, Cause.USER_ACTIVE, "paused: user active (idle 4:59 < 5 min)"),
                row("user away 5 min", p -> p.withIdleOnlyMinutes(5), idle(Duration.ofMinutes(5)),
                        Action.RUN, Cause.NONE, "running"),
                row("idle-only off ignores activity", same(), idle(Duration.ZERO), Action.RUN, Cause.NONE, "running"),
                row("idle unknown, machine quiet", p -> p.withIdleOnlyMinutes(5).withYieldToUser(false, 50),
                        idle(null), Action.RUN, Cause.NONE, "running", List.of(idleNa)),
                row("idle unknown falls back to the load rule",
                        p -> p.withIdleOnlyMinutes(5).withYieldToUser(false, 50),
                        idle(null).andThen(r -> r.withLoads(0.9, 0.2))::apply,
                        Action.THROTTLE, Cause.USER_LOAD, "throttled: other programs use 70% of the CPU",
                        List.of(idleNa)),
                // other programs' load
                row("others use 70%", same(), r -> r.withLoads(0.9, 0.2),
                        Action.THROTTLE, Cause.USER_LOAD, "throttled: other programs use 70% of the CPU"),
                row("others at the threshold exactly", same(), r -> r.withLoads(0.6, 0.1),
                        Action.RUN, Cause.NONE, "running"),
                row("our own load is not the user's", same(), r -> r.withLoads(0.95, 0.9),
                        Action.RUN, Cause.NONE, "running"),
                row("yield off", p -> p.withYieldToUser(false, 50), r -> r.withLoads(0.9, 0.2),
                        Action.RUN, Cause.NONE, "running"),
                row("lower threshold", p -> p.withYieldToUser(true, 20), r -> r.withLoads(0.3, 0.05),
                        Action.THROTTLE, Cause.USER_LOAD, "throttled: other programs use 25% of the CPU"),
                // the CPU cap
                row("cap 50% on 4 cores", p -> p.withCpuCapPercent(50), r -> r,
                        Action.THROTTLE, Cause.CPU_CAP, "throttled: CPU cap 50% (2 of 4 threads)"),
                row("cap 10% on 1 core", p -> p.withCpuCapPercent(10),
                        r -> new GovernorReadings(0, 0, r.idleTime(), r.onBattery(), r.batteryPercent(),
                                r.temperatureC(), r.now(), 1, r.taskBusyTime()),
                        Action.THROTTLE, Cause.CPU_CAP, "throttled: CPU cap 10% (1 of 1 thread)"),
                // mining hours (Wednesday 14:00 unless said)
                row("outside nights and weekends", hours(NIGHTS_AND_WEEKENDS), r -> r,
                        Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes 22:00)"),
                row("Wednesday night", hours(NIGHTS_AND_WEEKENDS), when("2026-11-18T23:30"),
                        Action.RUN, Cause.NONE, "running"),
                row("Thursday 06:59, the night that began Wednesday", hours(NIGHTS_AND_WEEKENDS),
                        when("2026-11-19T06:59"), Action.RUN, Cause.NONE, "running"),
                row("Thursday 07:00, the night is over", hours(NIGHTS_AND_WEEKENDS), when("2026-11-19T07:00"),
                        Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes 22:00)"),
                row("Saturday 06:00, the Friday night", hours(NIGHTS_AND_WEEKENDS), when("2026-11-21T06:00"),
                        Action.RUN, Cause.NONE, "running"),
                row("Saturday noon", hours(NIGHTS_AND_WEEKENDS), when("2026-11-21T12:00"),
                        Action.RUN, Cause.NONE, "running"),
                row("Sunday 23:59", hours(NIGHTS_AND_WEEKENDS), when("2026-11-22T23:59"),
                        Action.RUN, Cause.NONE, "running"),
                row("Monday 03:00: no night began on Sunday", hours(NIGHTS_AND_WEEKENDS), when("2026-11-23T03:00"),
                        Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes 22:00)"),
                row("weekends only, on a Wednesday", hours("sat-sun all"), r -> r,
                        Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes Sat 00:00)"),
                row("a Friday night range that wraps to Saturday", hours("fri 23:00-01:00"),
                        when("2026-11-21T00:30"), Action.RUN, Cause.NONE, "running"),
                row("after the wrapped range", hours("fri 23:00-01:00"), when("2026-11-21T01:00"),
                        Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes Fri 23:00)"),
                // manual pause
                row("paused for half an hour", p -> p.withManualPause(ManualPause.until(at("2026-11-18T14:32")
                        .toInstant())), r -> r, Action.PAUSE, Cause.MANUAL, "paused by you until 14:32"),
                row("manual pause over", p -> p.withManualPause(ManualPause.until(at("2026-11-18T14:32")
                        .toInstant())), when("2026-11-18T14:32"), Action.RUN, Cause.NONE, "running"),
                row("paused until tomorrow", p -> p.withManualPause(ManualPause.until(at("2026-11-19T09:00")
                        .toInstant())), r -> r, Action.PAUSE, Cause.MANUAL, "paused by you until Thu 09:00"),
                row("paused until resumed", p -> p.withManualPause(ManualPause.UNTIL_RESUMED), r -> r,
                        Action.PAUSE, Cause.MANUAL, "paused by you until resumed"),
                // which rule speaks first
                row("manual pause over battery and heat", p -> p.withManualPause(ManualPause.UNTIL_RESUMED),
                        r -> r.withBattery(Optional.of(true), OptionalInt.of(5))
                                .withTemperatureC(OptionalDouble.of(99)),
                        Action.PAUSE, Cause.MANUAL, "paused by you until resumed"),
                row("schedule over battery", hours("sat-sun all"), r -> r.withBattery(Optional.of(true),
                        OptionalInt.of(50)), Action.PAUSE, Cause.SCHEDULE, "outside mining hours (resumes Sat 00:00)"),
                row("battery over heat", same(), r -> r.withBattery(Optional.of(true), OptionalInt.of(50))
                        .withTemperatureC(OptionalDouble.of(95)), Action.PAUSE, Cause.BATTERY,
                        "paused: on battery power"),
                row("heat over user activity", p -> p.withIdleOnlyMinutes(5),
                        r -> r.withTemperatureC(OptionalDouble.of(95)).withIdleTime(Optional.of(Duration.ZERO)),
                        Action.PAUSE, Cause.HEAT, "paused: CPU at 95 °C, resumes below 85 °C"),
                row("user activity over load", p -> p.withIdleOnlyMinutes(5),
                        r -> r.withLoads(0.9, 0.1).withIdleTime(Optional.of(Duration.ofSeconds(3))),
                        Action.PAUSE, Cause.USER_ACTIVE, "paused: user active (idle 0:03 < 5 min)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleDecisions")
    void decidesFromOneSetOfReadings(String name, UnaryOperator<GovernorPolicy> policy,
                                     UnaryOperator<GovernorReadings> readings, Action action, Cause cause,
                                     String reason, List<String> notes) {
        GovernorDecision d = governor.decide(readings.apply(base()), policy.apply(GovernorPolicy.defaults()));

        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.cause()).isEqualTo(cause);
        assertThat(d.notes()).containsExactlyElementsOf(notes);
        if (!d.throttled()) {
            assertThat(d.pauseBetweenTasks()).isZero();
        }
    }

    @Test
    void runningFreeUsesEveryCoreAndNoPause() {
        GovernorDecision d = governor.decide(base(), GovernorPolicy.defaults());

        assertThat(d.threads()).isEqualTo(4);
        assertThat(d.pauseBetweenTasks()).isZero();
        assertThat(d.summary()).isEqualTo("running");
    }

    @Test
    void summaryJoinsTheReasonAndTheNotes() {
        GovernorDecision d = governor.decide(base().withIdleTime(Optional.empty())
                        .withTemperatureC(OptionalDouble.empty()),
                GovernorPolicy.defaults().withIdleOnlyMinutes(5));

        assertThat(d.summary()).isEqualTo("running; idle detection unavailable: using the CPU-load rule; "
                + "CPU temperature unknown: heat limit not applied");
    }

    /** One step of a sequence: seconds after the start, the readings then, and what must be decided. */
    record Tick(int second, UnaryOperator<GovernorReadings> readings, Action action, String reason) {
    }

    private List<GovernorDecision> play(GovernorPolicy policy, List<Tick> ticks) {
        Optional<GovernorDecision> previous = Optional.empty();
        List<GovernorDecision> out = new java.util.ArrayList<>();
        for (Tick t : ticks) {
            GovernorReadings r = t.readings().apply(base().withNow(WED_1400.plusSeconds(t.second())));
            GovernorDecision d = governor.decide(r, policy, previous);
            assertThat(d.reason()).as("at +%d s", t.second()).isEqualTo(t.reason());
            assertThat(d.action()).as("at +%d s", t.second()).isEqualTo(t.action());
            out.add(d);
            previous = Optional.of(d);
        }
        return out;
    }

    static UnaryOperator<GovernorReadings> temp(double c) {
        return r -> r.withTemperatureC(OptionalDouble.of(c));
    }

    static UnaryOperator<GovernorReadings> others(double share) {
        return r -> r.withLoads(Math.min(1, share + 0.1), 0.1);
    }

    @Test
    void heatPauseResumesOnlyAfterCoolingByTheMargin() {
        play(GovernorPolicy.defaults(), List.of(
                new Tick(0, temp(91), Action.PAUSE, "paused: CPU at 91 °C, resumes below 85 °C"),
                new Tick(2, temp(88), Action.PAUSE, "paused: CPU at 88 °C, resumes below 85 °C"),
                new Tick(4, temp(85), Action.PAUSE, "paused: CPU at 85 °C, resumes below 85 °C"),
                new Tick(6, temp(84.9), Action.RUN, "running"),
                new Tick(8, temp(88), Action.RUN, "running"),
                new Tick(10, temp(90), Action.PAUSE, "paused: CPU at 90 °C, resumes below 85 °C")));
    }

    @Test
    void heatPauseThatLosesItsSensorResumesAndSaysTheTemperatureIsUnknown() {
        List<GovernorDecision> d = play(GovernorPolicy.defaults(), List.of(
                new Tick(0, temp(95), Action.PAUSE, "paused: CPU at 95 °C, resumes below 85 °C"),
                new Tick(2, r -> r.withTemperatureC(OptionalDouble.empty()), Action.RUN, "running")));

        assertThat(d.get(1).notes()).containsExactly(Governor.TEMPERATURE_UNKNOWN);
    }

    @Test
    void otherProgramsLoadThrottlesThenPausesAndResumesOnlyAfterStayingLow() {
        List<GovernorDecision> d = play(GovernorPolicy.defaults(), List.of(
                new Tick(0, others(0.7), Action.THROTTLE, "throttled: other programs use 70% of the CPU"),
                new Tick(4, others(0.8), Action.THROTTLE, "throttled: other programs use 80% of the CPU"),
                new Tick(10, others(0.7), Action.PAUSE, "paused: other programs use 70% of the CPU"),
                new Tick(12, others(0.3), Action.PAUSE,
                        "paused: waiting for other programs' CPU use to stay below 40% for 10 s"),
                new Tick(16, others(0.45), Action.PAUSE, "paused: other programs use 45% of the CPU"),
                new Tick(18, others(0.2), Action.PAUSE,
                        "paused: waiting for other programs' CPU use to stay below 40% for 10 s"),
                new Tick(26, others(0.2), Action.PAUSE,
                        "paused: waiting for other programs' CPU use to stay below 40% for 10 s"),
                new Tick(28, others(0.2), Action.RUN, "running")));

        assertThat(d.get(1).since()).isEqualTo(d.get(0).at());
        assertThat(d.get(3).calmSince()).contains(d.get(3).at());
        assertThat(d.get(4).calmSince()).isEmpty();
        assertThat(d.get(6).calmSince()).contains(d.get(5).at());
    }

    @Test
    void throttleForOthersLeavesThemTheirShareAndResumesWithoutPausing() {
        List<GovernorDecision> d = play(GovernorPolicy.defaults(), List.of(
                new Tick(0, others(0.7), Action.THROTTLE, "throttled: other programs use 70% of the CPU"),
                new Tick(2, others(0.1), Action.THROTTLE,
                        "throttled: waiting for other programs' CPU use to stay below 40% for 10 s"),
                new Tick(6, others(0.45), Action.THROTTLE, "throttled: other programs use 45% of the CPU"),
                new Tick(8, others(0.1), Action.THROTTLE,
                        "throttled: waiting for other programs' CPU use to stay below 40% for 10 s"),
                new Tick(18, others(0.1), Action.RUN, "running")));

        // 4 cores: the others' 70% leaves 30%, one thread (floor(4 * 0.3)); below the threshold, half: two threads
        assertThat(d.get(0).threads()).isEqualTo(1);
        assertThat(d.get(1).threads()).isEqualTo(2);
        assertThat(d.get(4).threads()).isEqualTo(4);
    }

    @Test
    void zeroSettleTimePausesOnTheSecondHighReadingAndResumesOnTheFirstLowOne() {
        play(GovernorPolicy.defaults().withSettleTime(Duration.ZERO), List.of(
                new Tick(0, others(0.9), Action.THROTTLE, "throttled: other programs use 90% of the CPU"),
                new Tick(2, others(0.9), Action.PAUSE, "paused: other programs use 90% of the CPU"),
                new Tick(4, others(0.1), Action.RUN, "running")));
    }

    @Test
    void capDutyCycleCorrectsItselfFromTheMeasuredProcessLoad() {
        GovernorPolicy cap50 = GovernorPolicy.defaults().withCpuCapPercent(50);
        UnaryOperator<GovernorReadings> twoCores = r -> new GovernorReadings(r.machineLoad(), r.processLoad(),
                r.idleTime(), r.onBattery(), r.batteryPercent(), r.temperatureC(), r.now(), 2, r.taskBusyTime());
        // one thread of two is 50%: no pause, by the formula alone
        List<GovernorDecision> d = play(cap50, List.of(
                new Tick(0, twoCores, Action.THROTTLE, "throttled: CPU cap 50% (1 of 2 threads)"),
                // measured 60% while running flat out: the busy share is 0.6, so S = 1 s * (0.6 / 0.5 - 1) = 200 ms
                new Tick(2, twoCores.andThen(r -> r.withLoads(0.6, 0.6))::apply, Action.THROTTLE,
                        "throttled: CPU cap 50% (1 of 2 threads)"),
                // with 200 ms pauses the process shows 50%: the busy share is still 0.6, the pause stays
                new Tick(4, twoCores.andThen(r -> r.withLoads(0.5, 0.5))::apply, Action.THROTTLE,
                        "throttled: CPU cap 50% (1 of 2 threads)")));

        assertThat(d.get(0).pauseBetweenTasks()).isZero();
        assertThat(d.get(0).threads()).isEqualTo(1);
        assertThat(d.get(1).pauseBetweenTasks()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.get(2).pauseBetweenTasks()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void capPauseWaitsForAMeasuredTaskTime() {
        GovernorDecision d = governor.decide(base().withTaskBusyTime(Optional.empty()),
                GovernorPolicy.defaults().withCpuCapPercent(10));

        assertThat(d.threads()).isEqualTo(1);
        assertThat(d.pauseBetweenTasks()).isZero();
    }

    @Test
    void capTenPercentOnFourCoresSleepsOneAndAHalfTaskTimes() {
        GovernorDecision d = governor.decide(base(), GovernorPolicy.defaults().withCpuCapPercent(10));

        // T = max(1, floor(0.4)) = 1; S = 1 s * (1/4 / 0.1 - 1) = 1.5 s
        assertThat(d.reason()).isEqualTo("throttled: CPU cap 10% (1 of 4 threads)");
        assertThat(d.pauseBetweenTasks()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void sinceCarriesOverWhileTheOutcomeKindStaysAndSameOutcomeIgnoresTime() {
        GovernorPolicy policy = GovernorPolicy.defaults();
        GovernorReadings onBattery = base().withBattery(Optional.of(true), OptionalInt.of(70));
        GovernorDecision first = governor.decide(onBattery, policy);
        GovernorDecision later = governor.decide(onBattery.withNow(WED_1400.plusMinutes(5)), policy,
                Optional.of(first));

        assertThat(later.since()).isEqualTo(first.at());
        assertThat(later.at()).isEqualTo(WED_1400.plusMinutes(5));
        assertThat(later.sameOutcome(first)).isTrue();
        assertThat(governor.decide(base(), policy, Optional.of(later)).sameOutcome(later)).isFalse();
    }
}
