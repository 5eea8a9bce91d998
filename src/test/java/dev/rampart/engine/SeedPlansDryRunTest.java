package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeds' own plans, imported as they are, dry-run on the simulator. */
class SeedPlansDryRunTest {
    private static final String SEED_000 = """
            {"change_id": "SC-2025-09-29-01", "stages": ["canary", "25pct", "100pct"],
             "rollback_on": ["error_rate>2pct", "latency>p95+30pct"]}""";

    @Test
    void seed000RollsBackOnTheFirstLatencyBreachOfTheCanary() throws Exception {
        ImportResult imported = new PlanImporter().importText("seed000.json", SEED_000);
        assertThat(imported.ok()).as(imported.problems().toString()).isTrue();
        Scenario slow = Scenario.parse("""
                {"seed": 3, "tick": "PT1M", "events": [
                  {"at": "PT20M", "cohort": "canary", "metric": "latency_p95", "value": 450}]}""");

        DryRunResult r = DryRun.run(imported.plan(), slow);

        assertThat(r.finalState()).isEqualTo("rolled_back");
        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).isEqualTo(Duration.ofMinutes(20));
        assertThat(halt.data()).containsEntry("rule", "latency>p95+30pct").containsEntry("metric", "latency_p95");
    }

    @Test
    void seed000CompletesWhenTheServiceStaysQuiet() {
        ImportResult imported = new PlanImporter().importText("seed000.json", SEED_000);

        DryRunResult r = DryRun.run(imported.plan(), Scenario.quiet(8));

        assertThat(r.finalState()).isEqualTo("completed");
        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage)
                .containsExactly("canary", "25pct", "100pct");
    }
}
