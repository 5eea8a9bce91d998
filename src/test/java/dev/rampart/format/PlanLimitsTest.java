package dev.rampart.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What validates, runs: every width and range the store and engine depend on is checked (item 7, item 3). */
class PlanLimitsTest {
    private final PlanImporter importer = new PlanImporter();

    private static String plan(String stageName, String rule, String rollbackSteps) {
        return "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"REL-1\", \"service\": \"checkout\",\n"
                + " \"stages\": [{\"name\": \"" + stageName + "\", \"traffic_percent\": 10},\n"
                + "            {\"name\": \"ga\", \"traffic_percent\": 100}],\n"
                + " \"halt_rules\": [\"" + rule + "\"],\n"
                + " \"rollback_steps\": " + rollbackSteps + "}\n";
    }

    @Test
    void aStageNameLongerThanTheStoreKeepsIsRefusedWhereItIsWritten() {
        ImportResult r = importer.importText("plan.json", plan("s".repeat(201), "error_rate > 1%", "[]"));

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("plan.json:2:");
            assertThat(p.message()).contains("201").contains("200");
        });
        assertThat(importer.importText("plan.json", plan("s".repeat(200), "error_rate > 1%", "[]")).ok()).isTrue();
    }

    @Test
    void aThresholdThatIsNotFiniteIsRefusedAtItsColumn() {
        ImportResult r = importer.importText("plan.json", plan("canary", "latency_p99 < 1" + "0".repeat(400) + "ms", "[]"));

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).as("at the threshold, inside the rule").isEqualTo(18 + "latency_p99 < ".length());
            assertThat(p.message()).contains("finite");
        });
    }

    @Test
    void aDatabaseStepBeforeTheApplicationStepIsRefused() {
        ImportResult r = importer.importText("plan.json", plan("canary", "error_rate > 1%",
                "[{\"name\": \"Downgrade\", \"kind\": \"database\"}, {\"name\": \"Redeploy\", \"kind\": \"application\"}]"));

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("application").contains("database"));
    }
}
