package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault a scenario can script, shown on the virtual clock with the example plan and the example scenarios of
 * {@code docs/examples/faults} (the README quotes these runs): monitoring outage, restart during a held breach,
 * +Inf and NaN readings, a pending breach, a failed smoke test and an adapter outage (issue 10, item 10).
 */
class ScenarioFaultsTest {
    private static final Path EXAMPLES = Path.of("docs/examples");

    private static DryRunResult run(String scenario) throws Exception {
        ImportResult plan = new PlanImporter().importFile(EXAMPLES.resolve("canary-fail-safe.rampart.json"));
        assertThat(plan.problems()).isEmpty();
        return DryRun.run(plan.plan(), Scenario.parse(java.nio.file.Files.readString(
                EXAMPLES.resolve("faults").resolve(scenario))));
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void aMetricsOutagePausesAfterMaxGapAndNothingExpands() throws Exception {
        DryRunResult r = run("metrics-outage.json");

        assertThat(r.eventsOf("incident.monitoring_gap")).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(minutes(10)));
        TimelineEvent paused = r.eventsOf("rollout.paused").get(0);
        assertThat(paused.at()).isEqualTo(minutes(15));
        assertThat(paused.data()).containsEntry("metric", "error_rate").containsEntry("cohort", "canary");
        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage).containsExactly("canary");
        assertThat(r.finalState()).isEqualTo("paused");
    }

    @Test
    void aRestartDuringAHeldBreachNeitherResetsNorShortensItsWindow() throws Exception {
        DryRunResult r = run("restart-during-breach.json");

        assertThat(r.eventsOf("engine.restarted")).extracting(TimelineEvent::at).containsExactly(minutes(23),
                minutes(27));
        assertThat(r.eventsOf("rollout.halted")).singleElement().satisfies(e -> assertThat(e.at())
                .isEqualTo(minutes(30)));
        assertThat(r.eventsOf("rollback.step")).extracting(e -> e.data().get("kind"))
                .containsExactly("traffic", "application", "database");
        assertThat(r.finalState()).isEqualTo("rolled_back");
        assertThat(r.rollbackTimeSeconds()).isEqualTo(18.0);
    }

    @Test
    void plusInfinityIsABreachAndIsRecordedAsSuch() throws Exception {
        DryRunResult r = run("non-finite.json");

        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).isEqualTo(minutes(22));
        assertThat(halt.data()).containsEntry("value", "+Inf").containsEntry("metric", "latency_p99");
        assertThat(r.finalState()).isEqualTo("rolled_back");
    }

    @Test
    void notANumberIsNoReading() throws Exception {
        DryRunResult r = run("no-reading.json");

        TimelineEvent paused = r.eventsOf("rollout.paused").get(0);
        assertThat(paused.at()).as("the last reading was at 11 min").isEqualTo(minutes(17));
        assertThat(paused.data()).containsEntry("metric", "error_rate");
        assertThat(r.eventsOf("rollout.halted")).isEmpty();
    }

    @Test
    void aPendingBreachHoldsTheStageUntilItTrips() throws Exception {
        DryRunResult r = run("pending-breach.json");

        assertThat(r.eventsOf("rollout.waiting")).anySatisfy(w -> assertThat(w.data().get("for"))
                .contains("error_rate > 1% for 10m"));
        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage).containsExactly("canary");
        assertThat(r.eventsOf("rollout.halted").get(0).at()).isEqualTo(minutes(35));
        assertThat(r.finalState()).isEqualTo("rolled_back");
    }

    @Test
    void aFailedSmokeTestIsAFailedGate() throws Exception {
        DryRunResult r = run("failed-smoke-test.json");

        TimelineEvent checked = r.eventsOf("checklist.checked").stream()
                .filter(e -> "Smoke tests pass".equals(e.data().get("item"))).findFirst().orElseThrow();
        assertThat(checked.data()).containsEntry("exit_code", "2").containsEntry("passed", "false");
        assertThat(r.eventsOf("rollout.paused").get(0).data().get("reason")).contains("Smoke tests pass");
        assertThat(r.eventsOf("rollout.expanded")).hasSize(1);
        assertThat(r.finalState()).isEqualTo("paused");
    }

    @Test
    void anAdapterOutageOpensTheBreakerAtThreeErrorsAndTheRollbackGetsThroughOnceItIsBack() throws Exception {
        DryRunResult r = run("adapter-outage.json");

        assertThat(r.eventsOf("rollout.circuit_opened")).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(minutes(32));
            assertThat(e.data()).containsEntry("consecutive_errors", "3");
        });
        assertThat(r.eventsOf("rollout.rolled_back")).singleElement().satisfies(e -> assertThat(e.at())
                .isEqualTo(minutes(33).plusSeconds(18)));
        assertThat(r.rollbackTimeSeconds()).isEqualTo(78.0);
        assertThat(r.eventsOf("rollout.expanded")).extracting(TimelineEvent::stage).containsExactly("canary");
        assertThat(r.finalState()).isEqualTo("rolled_back");
    }

    @Test
    void theScenarioFormatTakesEveryFault() throws Exception {
        Scenario s = Scenario.parse("""
                {"events": [{"at": "PT10M", "until": "PT2H", "outage": "metrics"},
                            {"at": "PT10M", "until": "PT20M", "outage": "adapter"},
                            {"at": "PT23M", "restart": true},
                            {"at": "PT20M", "cohort": "canary", "metric": "latency_p99", "value": "+Inf"},
                            {"at": "PT21M", "cohort": "canary", "metric": "cpu", "value": "-Inf"},
                            {"at": "PT22M", "cohort": "canary", "metric": "error_rate", "value": "NaN"}]}""");

        assertThat(s.faults()).hasSize(2);
        assertThat(s.restarts()).containsExactly(minutes(23));
        assertThat(s.events()).extracting(e -> e.value()).containsExactly(Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(List.of(s.lastScripted())).containsExactly(Duration.ofHours(2));
    }
}
