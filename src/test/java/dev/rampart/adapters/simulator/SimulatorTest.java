package dev.rampart.adapters.simulator;

import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorTest {
    private static final Instant START = Instant.parse("2026-12-01T07:00:00Z");
    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);

    @Test
    void theScenarioFormatOfTheSpecificationParses() throws Exception {
        Scenario s = Scenario.parse("""
                {"seed": 7, "baseline": {"error_rate": 0.002, "latency_p95": 300, "latency_p99": 600}, "tick": "PT1M",
                 "events": [{"at": "PT40M", "cohort": "canary", "metric": "error_rate", "value": 0.03}]}""");

        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.tick()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.baseline()).containsEntry("latency_p99", 600.0).containsKey("cls_p95");
        assertThat(s.events()).containsExactly(new ScenarioEvent(Duration.ofMinutes(40), "canary", "error_rate", 0.03));
    }

    @Test
    void aBadScenarioNamesTheField() {
        assertThatThrownBy(() -> Scenario.parse("{\"events\": [{\"at\": \"40m\", \"cohort\": \"c\", \"metric\": \"m\","
                + " \"value\": 1}]}")).isInstanceOfSatisfying(Scenario.BadScenario.class,
                e -> assertThat(e.pointer()).isEqualTo("/events/0/at"))
                .hasMessage("at: expected an ISO-8601 duration such as PT1M, found the text \"40m\"");
    }

    @Test
    void aScriptedValueHoldsUntilTheNextEventAndOnlyOnTheNewVersion() throws AdapterException {
        SimulatedFleet fleet = new SimulatedFleet(new Scenario(1, null, null, List.of(
                new ScenarioEvent(Duration.ofMinutes(40), "canary", "error_rate", 0.03),
                new ScenarioEvent(Duration.ofMinutes(50), "canary", "error_rate", 0.002))), START, clock);

        assertThat(fleet.value("canary", "error_rate", START.plus(Duration.ofMinutes(45)))).isBetween(0.0019, 0.0021);
        new SimulatorAdapter(fleet, d -> { }, Duration.ZERO).applyTraffic(new TrafficSplit(Map.of("canary", 10.0)),
                "k1");
        assertThat(fleet.value("canary", "error_rate", START.plus(Duration.ofMinutes(39)))).isBetween(0.0019, 0.0021);
        assertThat(fleet.value("canary", "error_rate", START.plus(Duration.ofMinutes(40)))).isBetween(0.0285, 0.0315);
        assertThat(fleet.value("canary", "error_rate", START.plus(Duration.ofMinutes(49)))).isBetween(0.0285, 0.0315);
        assertThat(fleet.value("canary", "error_rate", START.plus(Duration.ofMinutes(50)))).isBetween(0.0019, 0.0021);
    }

    @Test
    void theSameSeedMeasuresTheSameValuesAndCpuRisesWithTraffic() throws AdapterException {
        SimulatedFleet a = new SimulatedFleet(Scenario.quiet(5), START, clock);
        SimulatedFleet b = new SimulatedFleet(Scenario.quiet(5), START, clock);
        SimulatorMetrics metrics = new SimulatorMetrics(a);
        MetricWindow w1 = metrics.read(Set.of("canary"), Set.of("cpu"), START, START.plus(Duration.ofMinutes(10)));
        MetricWindow w2 = new SimulatorMetrics(b).read(Set.of("canary"), Set.of("cpu"), START,
                START.plus(Duration.ofMinutes(10)));
        assertThat(w1).isEqualTo(w2);
        assertThat(w1.samples("canary", "cpu")).hasSize(10);

        SimulatorAdapter adapter = new SimulatorAdapter(a, d -> { }, Duration.ZERO);
        adapter.applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "small");
        double small = a.value("canary", "cpu", START.plusSeconds(60));
        adapter.applyTraffic(new TrafficSplit(Map.of("canary", 100.0)), "all");
        assertThat(a.value("canary", "cpu", START.plusSeconds(60))).isGreaterThan(small * 1.3);
        assertThat(metrics.read(Set.of("canary"), Set.of("cpu"), START, START.plusSeconds(60)).baseline()).isEmpty();
    }

    @Test
    void aRepeatedIdempotencyKeyDoesNotActTwiceAndInjectedFailuresFail() throws AdapterException {
        SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(5), START, clock);
        SimulatorAdapter adapter = new SimulatorAdapter(fleet, d -> { }, Duration.ZERO);
        adapter.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k");
        adapter.applyTraffic(new TrafficSplit(Map.of("canary", 50.0)), "k");
        assertThat(adapter.currentWeights().weight("canary")).isEqualTo(10);

        fleet.failNextAdapterCalls(1, "boom");
        assertThatThrownBy(() -> adapter.rollback("r")).isInstanceOf(AdapterException.class).hasMessageContaining("boom");
        assertThat(adapter.rollback("r2").newVersionPercent()).isZero();
    }
}
