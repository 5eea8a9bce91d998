package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DryRunTest {
    private static final String SPIKE = """
            {"seed": 7, "baseline": {"error_rate": 0.002, "latency_p95": 300, "latency_p99": 600}, "tick": "PT1M",
             "events": [{"at": "PT40M", "cohort": "canary", "metric": "error_rate", "value": 0.03}]}""";

    @Test
    void anErrorSpikeAtFortyMinutesHaltsAtFortyFiveAndRollsBack() throws Exception {
        DryRunResult r = DryRun.run(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                Scenario.parse(SPIKE));
        r.timeline().forEach(System.out::println);

        assertThat(r.finalState()).isEqualTo("rolled_back");
        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).isEqualTo(Duration.ofMinutes(45));
        assertThat(halt.stage()).isEqualTo("canary");
        assertThat(halt.data()).containsEntry("rule", "error_rate > 1% for 5m").containsEntry("threshold", "0.01")
                .containsEntry("window", "PT5M").containsEntry("cohort", "canary");
        assertThat(Double.parseDouble(halt.data().get("value"))).isBetween(0.0285, 0.0315);
        assertThat(r.rollbackTimeSeconds()).isEqualTo(8.0);
        assertThat(r.eventsOf("rollout.rolled_back").get(0).at()).isEqualTo(Duration.ofMinutes(45).plusSeconds(8));
    }

    @Test
    void aQuietServiceCompletesEveryStage() throws Exception {
        DryRunResult r = DryRun.run(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                Scenario.quiet(1));

        assertThat(r.finalState()).isEqualTo("completed");
        assertThat(r.rollbackTimeSeconds()).isNull();
        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage, TimelineEvent::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("canary", Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple("25pct", Duration.ofHours(1)),
                        org.assertj.core.groups.Tuple.tuple("100pct", Duration.ofHours(2)));
        assertThat(r.eventsOf("rollout.completed").get(0).at()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theJsonFormHasFinalStateRollbackTimeAndTimedEvents() throws Exception {
        DryRunResult r = DryRun.run(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                Scenario.parse(SPIKE));
        Map<String, Object> json = r.toJson();

        assertThat(json).containsEntry("final_state", "rolled_back").containsEntry("rollback_time_seconds", 8.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) json.get("events");
        assertThat(events.get(0)).containsEntry("at", "PT0S");
        Map<String, Object> halt = events.stream().filter(e -> e.get("type").equals("rollout.halted")).findFirst()
                .orElseThrow();
        assertThat(halt).containsEntry("at", "PT45M").containsEntry("rule", "error_rate > 1% for 5m")
                .containsEntry("threshold", 0.01).containsKey("value");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json)).contains("\"PT45M\"");
    }
}
