package dev.rampart.domain.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator alone: issues keyed by JSON pointers of Rampart's plan format, no file involved. */
class PlanValidatorTest {

    private static Plan plan(List<Stage> stages, Schedule schedule) {
        return new Plan(Plan.SCHEMA, "C-1", "svc", "1.0", null, null, null, stages, null, null, null, null, null,
                schedule, AdapterSettings.simulator(), MetricSettings.simulator(), null, null);
    }

    private static List<String> pointers(Plan plan) {
        return PlanValidator.validate(plan).stream().map(PlanIssue::pointer).toList();
    }

    @Test
    void aSoundPlanHasNoIssues() {
        Plan plan = plan(List.of(Stage.of("canary", 10, Duration.ofMinutes(30)), Stage.of("beta", 10, null),
                Stage.of("ga", 100, Duration.ofHours(1))), new Schedule(LocalDateTime.of(2026, 12, 1, 9, 0),
                "Africa/Cairo", List.of(window(24, 27), window(27, 28))));

        assertThat(PlanValidator.validate(plan)).isEmpty();
    }

    @Test
    void stageIssuesPointAtTheStageValue() {
        Plan plan = plan(List.of(Stage.of("a", 50, null), Stage.of("b", 120, Duration.ofHours(-1)),
                Stage.of("c", 20, null), Stage.of("a", 60, null)), null);

        assertThat(PlanValidator.validate(plan)).containsExactly(
                PlanIssue.at("/stages/1/traffic_percent", "stage b: traffic_percent 120 is outside (0, 100]"),
                PlanIssue.at("/stages/1/min_duration", "stage b: min_duration -PT1H must be positive"),
                PlanIssue.at("/stages/2/traffic_percent",
                        "stage c: traffic_percent 20 is below the 50 of stage a before it; traffic may not go down"),
                PlanIssue.at("/stages/3/name", "stage name \"a\" is used twice (also stage 1)"),
                PlanIssue.at("/stages/3/traffic_percent",
                        "stage a is the last stage, so its traffic_percent must be 100, not 60"));
    }

    @Test
    void aStageWithoutANameIsNamedByItsPlace() {
        Plan plan = plan(List.of(Stage.of(null, 100, null)), null);

        assertThat(PlanValidator.validate(plan)).containsExactly(PlanIssue.at("/stages/0/name", "stage 1 has no name"));
    }

    @Test
    void windowsThatMerelyTouchDoNotOverlap() {
        Plan touching = plan(List.of(Stage.of("ga", 100, null)), new Schedule(null, null,
                List.of(window(24, 27), window(27, 29))));
        Plan overlapping = plan(List.of(Stage.of("ga", 100, null)), new Schedule(null, "UTC",
                List.of(window(20, 30), window(24, 25), window(29, 31))));

        assertThat(pointers(touching)).isEmpty();
        assertThat(pointers(overlapping)).containsExactly("/schedule/freeze_windows/1",
                "/schedule/freeze_windows/2");
    }

    @Test
    void anUnsupportedSchemaIsAnIssueButAnAbsentOneIsNot() {
        Plan v2 = new Plan("rampart/plan/v2", "C-1", null, null, null, null, null,
                List.of(Stage.of("ga", 100, null)), null, null, null, null, null, null, null, null, null, null);
        Plan none = new Plan(null, "C-1", null, null, null, null, null,
                List.of(Stage.of("ga", 100, null)), null, null, null, null, null, null, null, null, null, null);

        assertThat(pointers(v2)).containsExactly("/schema");
        assertThat(pointers(none)).isEmpty();
    }

    private static FreezeWindow window(int fromDay, int toDay) {
        return new FreezeWindow(LocalDateTime.of(2026, 12, fromDay, 0, 0), LocalDateTime.of(2026, 12, toDay, 0, 0),
                null);
    }
}
