package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.Decision;
import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleAndApprovalsTest {
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
    private static final Schedule CHRISTMAS = new Schedule(LocalDateTime.of(2026, 12, 23, 23, 30), "Africa/Cairo",
            List.of(new FreezeWindow(LocalDateTime.of(2026, 12, 24, 0, 0), LocalDateTime.of(2026, 12, 27, 0, 0),
                    "holidays")));

    @Test
    void noStageIsEnteredInsideAFreezeWindowInTheSchedulesTimeZone() {
        DryRunResult r = DryRun.run(Plans.plan(Plans.threeStages(), List.of(), CHRISTMAS, null), Scenario.quiet(2));

        assertThat(r.finalState()).isEqualTo("completed");
        TimelineEvent frozen = r.eventsOf("rollout.frozen").get(0);
        assertThat(frozen.at()).isEqualTo(Duration.ofMinutes(60));
        assertThat(frozen.data()).containsEntry("time_zone", "Africa/Cairo").containsEntry("reason", "holidays");
        Duration toEndOfFreeze = Duration.between(LocalDateTime.of(2026, 12, 23, 23, 30).atZone(CAIRO),
                LocalDateTime.of(2026, 12, 27, 0, 0).atZone(CAIRO));
        assertThat(r.eventsOf("rollout.expanded").get(1).at()).isEqualTo(toEndOfFreeze);
    }

    @Test
    void rollbackIsAllowedInsideAFreezeWindow() {
        Scenario spike = new Scenario(2, null, null,
                List.of(new ScenarioEvent(Duration.ofHours(5), "canary", "error_rate", 0.05)));
        DryRunResult r = DryRun.run(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m"), CHRISTMAS,
                null), spike);

        assertThat(r.finalState()).isEqualTo("rolled_back");
        assertThat(r.eventsOf("rollout.halted").get(0).at()).isEqualTo(Duration.ofHours(5).plusMinutes(5));
    }

    @Test
    void aDryRunAssumesSignOffsWhenDueAndSaysSo() {
        List<Stage> stages = List.of(
                new Stage("canary", 10, null, Duration.ofHours(1), null, null, null, List.of("engineering"), null,
                        new Decision(Duration.ofMinutes(90), List.of("product")), null),
                Stage.of("ga", 100, null));
        DryRunResult r = DryRun.run(Plans.plan(stages, List.of(), null,
                new Approvals(List.of("security"), true, null)), Scenario.quiet(2));

        assertThat(r.eventsOf("signoff.assumed")).extracting(e -> e.data().get("role"), TimelineEvent::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security", Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple("engineering", Duration.ofMinutes(90)),
                        org.assertj.core.groups.Tuple.tuple("product", Duration.ofMinutes(90)));
        assertThat(r.eventsOf("signoff.assumed").get(0).data().get("note")).contains("dry run");
        assertThat(r.eventsOf("rollout.expanded").get(1).at()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.finalState()).isEqualTo("completed");
    }

    @Test
    void withoutTheSignOffTheStageWaitsAndTheStarterCannotSignUnderFourEyes() {
        List<Stage> stages = List.of(new Stage("canary", 10, null, Duration.ofMinutes(30), null, null, null,
                List.of("product"), null, null, null), Stage.of("ga", 100, null));
        ApprovalBook starterSigns = (id, stage, role, due) -> Optional.of(new SignOff(role, stage, "olga", due,
                "fine", false));
        Rig rig = new Rig(Plans.plan(stages, List.of()), Scenario.quiet(1), new MemoryRollouts(), new MemoryIntents(),
                a -> a, starterSigns);

        assertThat(rig.runTo(Duration.ofHours(2)).stageIndex()).isZero();
        assertThat(rig.events("rollout.waiting")).last().satisfies(e ->
                assertThat(e.data().get("for")).isEqualTo("sign-off by product"));
    }

    @Test
    void exitCriteriaMustHoldForTheirWindow() {
        List<Stage> stages = List.of(new Stage("canary", 10, null, Duration.ofMinutes(30), null, null,
                List.of("error_rate < 0.5% for 45m"), null, null, null, null), Stage.of("ga", 100, null));
        DryRunResult r = DryRun.run(Plans.plan(stages, List.of()), new Scenario(1, null, null, List.of(
                new ScenarioEvent(Duration.ofMinutes(10), "canary", "error_rate", 0.008),
                new ScenarioEvent(Duration.ofMinutes(20), "canary", "error_rate", 0.002))));

        assertThat(r.eventsOf("rollout.expanded").get(1).at()).isEqualTo(Duration.ofMinutes(65));
    }

    @Test
    void relativeRulesKeepTheLastBaselineOnceNoStablePopulationIsLeft() {
        List<Stage> stages = List.of(Stage.of("canary", 10, Duration.ofMinutes(30)),
                Stage.of("ga", 100, Duration.ofHours(3)));
        DryRunResult r = DryRun.run(Plans.plan(stages, List.of("latency_p99 > 5x baseline for 10m")),
                new Scenario(4, null, null, List.of(new ScenarioEvent(Duration.ofHours(2), "ga", "latency_p99",
                        4000))));

        TimelineEvent halt = r.eventsOf("rollout.halted").get(0);
        assertThat(halt.at()).isEqualTo(Duration.ofHours(2).plusMinutes(10));
        assertThat(halt.data()).containsEntry("cohort", "ga");
        assertThat(Double.parseDouble(halt.data().get("threshold"))).isCloseTo(3000, org.assertj.core.data.Offset
                .offset(60.0));
    }

    @Test
    void anAlertRuleTellsPeopleOnceAndTheRolloutGoesOn() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("cpu > 20% for 2m -> alert")), Scenario.quiet(1));

        assertThat(rig.runTo(Duration.ofHours(4)).state()).isEqualTo(RolloutState.COMPLETED);
        assertThat(rig.events("rollout.alerted")).isNotEmpty().hasSizeLessThan(4);
        assertThat(rig.notices).anyMatch(n -> n.event().equals("rollout.alerted"));
    }

    @Test
    void theNextStagesEntryCriteriaMustHoldOnTheCurrentCohort() {
        List<Stage> stages = List.of(Stage.of("canary", 10, Duration.ofHours(1)),
                new Stage("ga", 100, null, null, null, List.of("latency_p95 < 400ms for 10m"), null, null, null, null,
                        null));
        DryRunResult r = DryRun.run(Plans.plan(stages, List.of()), new Scenario(1, null, null, List.of(
                new ScenarioEvent(Duration.ZERO, "canary", "latency_p95", 500),
                new ScenarioEvent(Duration.ofMinutes(70), "canary", "latency_p95", 300))));

        assertThat(r.eventsOf("rollout.expanded").get(1).at()).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void aStagePastItsMaxDurationIsReportedOverdueOnce() {
        List<Stage> stages = List.of(new Stage("canary", 10, null, Duration.ofMinutes(30), Duration.ofMinutes(90),
                null, List.of("error_rate < 0.1%"), null, null, null, null), Stage.of("ga", 100, null));
        Rig rig = new Rig(Plans.plan(stages, List.of()), Scenario.quiet(1));
        rig.runTo(Duration.ofHours(3));

        assertThat(rig.events("rollout.overdue")).singleElement().satisfies(e -> {
            assertThat(rig.at(e)).isEqualTo(Duration.ofMinutes(91));
            assertThat(e.data()).containsEntry("max_duration", "PT1H30M");
        });
    }
}
