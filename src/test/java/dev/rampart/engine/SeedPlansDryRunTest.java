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

    private static final String SEED_004_FLAGS = """
            {"canary": {"enabled": true, "version": "2.1.0",
              "cohorts": {
                "internal_test": {"enabled": true, "percentage": 0.5, "users": ["eng-team"], "features": ["all"]},
                "friendly_gp": {"enabled": false, "percentage": 5, "users": ["pilot-partners"], "features": ["all"]},
                "beta": {"enabled": false, "percentage": 25, "users": ["beta-opt-in"], "features": ["stable"]}},
              "halt_conditions": {"error_rate": 0.01, "latency_multiplier": 5, "lcp_p75_ms": 2500, "inp_p75_ms": 200,
                                  "cls_p95": 0.1}}}""";

    @Test
    void seed004AsWrittenWaitsForItsCohortSwitchesAndPausesOnAHeldBreachOfAnEarlierCohort() throws Exception {
        ImportResult imported = new PlanImporter().importText("flags.json", SEED_004_FLAGS);
        assertThat(imported.ok()).as(imported.problems().toString()).isTrue();
        Scenario lcp = Scenario.parse("""
                {"seed": 7, "events": [
                  {"at": "PT3H", "switch": "friendly_gp", "enabled": true},
                  {"at": "PT27H", "switch": "beta", "enabled": true},
                  {"at": "PT30H", "cohort": "friendly_gp", "metric": "lcp_p75", "value": 3100}]}""");

        DryRunResult r = DryRun.run(imported.plan(), lcp);

        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage, TimelineEvent::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("internal_test", Duration.ZERO),
                org.assertj.core.groups.Tuple.tuple("friendly_gp", Duration.ofHours(3)),
                org.assertj.core.groups.Tuple.tuple("beta", Duration.ofHours(27)));
        assertThat(r.eventsOf("rollout.waiting")).anySatisfy(w -> assertThat(w.data().get("for"))
                .isEqualTo("canary.cohort.friendly_gp.enabled"));
        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).as("the seed's 15-minute window").isEqualTo(Duration.ofHours(30).plusMinutes(15));
        assertThat(halt.stage()).isEqualTo("beta");
        assertThat(halt.data()).containsEntry("cohort", "friendly_gp").containsEntry("metric", "lcp_p75")
                .containsEntry("threshold", "2500").containsEntry("action", "pause");
        assertThat(r.finalState()).as("seed 004 pauses; a person decides").isEqualTo("paused");
    }
}
