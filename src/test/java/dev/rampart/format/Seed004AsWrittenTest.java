package dev.rampart.format;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Seed 004's flag file imports as the seed writes it: its windows, its action, its cohorts' durations (item 9). */
class Seed004AsWrittenTest {
    @Test
    void haltConditionsKeepTheSeedsWindowsAndPauseAndCohortsTheirDurations() {
        ImportResult result = new PlanImporter().importText("seed-004-feature-flags.json",
                PlanFixtures.example("seed-004-feature-flags.json"));

        assertThat(result.problems()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.haltRules()).containsExactly("error_rate > 1% for 5m -> pause",
                "latency_p99 > 5x baseline for 10m -> pause", "lcp_p75 > 2500ms for 15m -> pause",
                "inp_p75 > 200ms for 15m -> pause", "cls_p95 > 0.1 for 15m -> pause");
        assertThat(plan.stages()).extracting(Stage::name, Stage::minDuration).containsExactly(
                tuple("internal_test", Duration.ofHours(1)), tuple("friendly_gp", Duration.ofHours(24)),
                tuple("beta", Duration.ofHours(48)), tuple("ga", Duration.ofHours(1)));
        assertThat(result.defaultsApplied()).contains(
                "stage friendly_gp: min_duration PT24H (seed 004: friendly_gp runs 24 hours)",
                "stage beta: min_duration PT48H (seed 004: beta runs 48 to 72 hours)",
                "halt condition error_rate: for 5m -> pause (seed 004: error rate for 5 minutes pauses)");
    }
}
