package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each threshold form trips at the exact tick, and a breach one tick shorter than its window does not trip. */
class ThresholdFormsTest {
    private static final Duration SPIKE_AT = Duration.ofMinutes(40);

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("error_rate > 1% for 5m", "error_rate", 0.03, 0.01),
                Arguments.of("failed_transactions > 0.1%", "failed_transactions", 0.004, 0.001),
                Arguments.of("latency_p99 > 5x baseline for 10m", "latency_p99", 4000.0, 3000.0),
                Arguments.of("latency_p95 > baseline+30% for 5m", "latency_p95", 500.0, 390.0),
                Arguments.of("error_rate > baseline+0.5pp for 3m", "error_rate", 0.02, 0.007),
                Arguments.of("latency > p95+30pct for 5m", "latency_p95", 500.0, 390.0),
                Arguments.of("approval_denial_rate > 3sigma for 2m", "approval_denial_rate", 0.04, 0.0218),
                Arguments.of("lcp_p75 > 2500ms for 15m", "lcp_p75", 3200.0, 2500.0),
                Arguments.of("cls_p95 > 0.1 for 15m", "cls_p95", 0.2, 0.1),
                Arguments.of("error_rate > baseline+0.5pp and error_rate > baseline+20% for 5m", "error_rate", 0.02,
                        0.007));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void tripsAtTheExactTick(String rule, String metric, double spike, double threshold) {
        DryRunResult r = run(rule, metric, spike, null);
        Duration window = windowOf(rule);

        assertThat(r.finalState()).isEqualTo("rolled_back");
        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).isEqualTo(SPIKE_AT.plus(window));
        assertThat(halt.data()).containsEntry("rule", rule).containsEntry("cohort", "canary")
                .containsEntry("metric", metric);
        assertThat(Double.parseDouble(halt.data().get("threshold"))).isCloseTo(threshold,
                org.assertj.core.data.Percentage.withPercentage(6));
        assertThat(Double.parseDouble(halt.data().get("value"))).isGreaterThan(threshold);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aBreachShorterThanTheWindowDoesNotTrip(String rule, String metric, double spike, double threshold) {
        Duration window = windowOf(rule);
        if (window.isZero()) {
            return; // without a window the first breach trips: covered above
        }
        DryRunResult r = run(rule, metric, spike, SPIKE_AT.plus(window));

        assertThat(r.eventsOf("rollout.halted")).isEmpty();
        assertThat(r.finalState()).isEqualTo("completed");
    }

    private static DryRunResult run(String rule, String metric, double spike, Duration recoverAt) {
        List<ScenarioEvent> events = new ArrayList<>();
        events.add(new ScenarioEvent(SPIKE_AT, "canary", metric, spike));
        if (recoverAt != null) {
            events.add(new ScenarioEvent(recoverAt, "canary", metric, Scenario.DEFAULT_BASELINE.get(metric)));
        }
        Scenario s = new Scenario(11, Map.of(), Duration.ofMinutes(1), events);
        return DryRun.run(Plans.plan(Plans.threeStages(), List.of(rule)), s);
    }

    private static Duration windowOf(String rule) {
        var w = dev.rampart.domain.rule.RuleParser.parseRule(rule).window();
        return w == null ? Duration.ZERO : w;
    }
}
