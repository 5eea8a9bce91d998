package dev.rampart.format;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The seeds' own JSON imports as it is (product.md, "Formats that import as they are"). */
class PlanImportSeedTest {
    private final PlanImporter importer = new PlanImporter();

    @Test
    void seed000RolloutPlanBecomesAFullPlan() {
        ImportResult result = importer.importText("seed-000-rollout-plan.json",
                PlanFixtures.example("seed-000-rollout-plan.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        Plan plan = result.plan();
        assertThat(plan.schema()).isEqualTo(Plan.SCHEMA);
        assertThat(plan.changeId()).isEqualTo("SC-2025-09-29-01");
        assertThat(plan.stages()).extracting(Stage::name, Stage::trafficPercent, Stage::minDuration).containsExactly(
                tuple("canary", 10.0, Duration.ofMinutes(30)),
                tuple("25pct", 25.0, Duration.ofHours(1)),
                tuple("100pct", 100.0, Duration.ofHours(1)));
        assertThat(plan.haltRules()).containsExactly("error_rate>2pct", "latency>p95+30pct");
        assertThat(plan.adapter().type()).isEqualTo("simulator");
        assertThat(plan.metrics().source()).isEqualTo("simulator");
        assertThat(plan.canaryEnabled()).isTrue();
        assertThat(result.defaultsApplied()).containsExactly(
                "stage canary: traffic_percent 10 (a canary takes 10 % unless told otherwise)",
                "stage canary: min_duration PT30M (no duration given; a canary holds 30 minutes)",
                "stage 25pct: min_duration PT1H (no duration given)",
                "stage 100pct: min_duration PT1H (no duration given)",
                "monitoring.max_gap PT5M (none given: a rule's metric without a reading for longer pauses the rollout)",
                "watch P7D (none given: after completion, halt rules stay enforced and rollback stays possible for 7"
                        + " days)",
                "schema rampart/plan/v1 (none given)",
                "service seed-000-rollout-plan (none given; taken from the file name)",
                "adapter simulator (none given)",
                "metrics source simulator (none given)");
    }

    @Test
    void seed004FeatureFlagsBecomeStagesRulesAndKillSwitches() {
        ImportResult result = importer.importText("seed-004-feature-flags.json",
                PlanFixtures.example("seed-004-feature-flags.json"));

        assertThat(result.problems()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.changeId()).isEqualTo("FLAGS-2.1.0");
        assertThat(plan.version()).isEqualTo("2.1.0");
        assertThat(plan.enabled()).isTrue();
        assertThat(plan.stages())
                .extracting(Stage::name, Stage::trafficPercent, Stage::minDuration, Stage::userGroups, Stage::enabled)
                .containsExactly(
                        tuple("internal_test", 0.5, Duration.ofHours(1), java.util.List.of("eng-team"), true),
                        tuple("friendly_gp", 5.0, Duration.ofHours(24), java.util.List.of("pilot-partners"), false),
                        tuple("beta", 25.0, Duration.ofHours(48), java.util.List.of("beta-opt-in"), false),
                        tuple("ga", 100.0, Duration.ofHours(1), java.util.List.of(), null));
        assertThat(plan.haltRules()).containsExactly("error_rate > 1% for 5m -> pause",
                "latency_p99 > 5x baseline for 10m -> pause", "lcp_p75 > 2500ms for 15m -> pause",
                "inp_p75 > 200ms for 15m -> pause", "cls_p95 > 0.1 for 15m -> pause");
        assertThat(result.defaultsApplied()).contains(
                "stage internal_test: min_duration PT1H (seed 004: internal_test runs 1 to 2 hours)",
                "stage beta: min_duration PT48H (seed 004: beta runs 48 to 72 hours)",
                "stage ga: added at 100 % after the cohorts (the flag file has no general availability)",
                "stage ga: min_duration PT1H (no duration given)",
                "change_id FLAGS-2.1.0 (the flag file has none; made from its version)",
                "service seed-004-feature-flags (none given; taken from the file name)",
                "cohort beta: features [\"stable\"] not imported (a stage has no feature list)",
                "adapter simulator (none given)",
                "metrics source simulator (none given)");
    }

    @Test
    void cohortsAreOrderedByPercentageAndTheGlobalSwitchIsTheKillSwitch() {
        String flags = """
                {"canary": {"enabled": false, "version": "3.0.0",
                  "cohorts": {"wide": {"percentage": 50, "enabled": false},
                              "narrow": {"percentage": 1, "enabled": true},
                              "all": {"percentage": 100}},
                  "halt_conditions": {"engine_timeout_rate": 0.005, "latency_p95_ms": 800,
                                      "memory_pct": 90, "cpu": 0.8}}}
                """;

        ImportResult result = importer.importText("flags.json", flags);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().canaryEnabled()).isFalse();
        assertThat(result.plan().stages()).extracting(Stage::name).containsExactly("narrow", "wide", "all");
        assertThat(result.plan().haltRules()).containsExactly("engine_timeout_rate > 0.5% for 5m -> pause",
                "latency_p95 > 800ms -> pause", "memory > 90% -> pause", "cpu > 80% -> pause");
        assertThat(result.defaultsApplied()).noneMatch(d -> d.startsWith("stage ga"));
    }

    @Test
    void anUnknownHaltConditionIsAProblemAtItsKey() {
        String flags = """
                {"canary": {"cohorts": {"beta": {"percentage": 25}},
                  "halt_conditions": {"error_rate": 0.01,
                    "happiness_index": 3, "lcp_p75_ms": "slow"}}}
                """;

        ImportResult result = importer.importText("flags.json", flags);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "flags.json:3:5: unknown halt condition \"happiness_index\"; expected " + HaltConditions.EXPECTED,
                "flags.json:3:41: halt condition lcp_p75_ms: expected a number, found the text \"slow\"");
        assertThat(result.plan().haltRules()).containsExactly("error_rate > 1% for 5m -> pause");
        assertThat(result.ok()).isFalse();
    }

    @Test
    void unknownKeysOfTheFlagFileAreReportedEachAtItsKey() {
        String flags = """
                {"canary": {"cohorts": {"beta": {"percentage": 25, "weight": 3}},
                  "colour": "red"}}
                """;

        ImportResult result = importer.importText("flags.json", flags);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "flags.json:1:52: unknown key \"weight\" in cohort beta; expected one of enabled, percentage, users,"
                        + " features",
                "flags.json:2:3: unknown key \"colour\" in canary; expected one of enabled, version, cohorts,"
                        + " halt_conditions");
    }

    @Test
    void aSeed000StageWhoseNameGivesNoShareIsAProblemAtTheName() {
        String rollout = """
                {"change_id": "SC-1",
                 "stages": ["canary", "beta", "100pct"],
                 "rollback_on": ["error_rate>2pct"]}
                """;

        ImportResult result = importer.importText("rollout.json", rollout);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "rollout.json:2:23: stage \"beta\" has no traffic share in its name; name it like 25pct, or canary"
                        + " (10 %) or ga (100 %)");
        assertThat(result.plan().stages()).extracting(Stage::name).containsExactly("canary", "100pct");
    }

    @Test
    void seed000InYamlImportsTheSame() {
        String rollout = """
                change_id: SC-2025-09-29-01
                stages: [canary, 25pct, 100pct]
                rollback_on:
                  - error_rate>2pct
                  - latency>p95+30pct
                """;

        ImportResult yaml = importer.importText("seed-000-rollout-plan.yaml", rollout);
        ImportResult json = importer.importText("seed-000-rollout-plan.json",
                PlanFixtures.example("seed-000-rollout-plan.json"));

        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.plan()).isEqualTo(json.plan());
    }

    @Test
    void anImportedSeedExportsAsAFullRampartPlanThatNeedsNoDefaults() {
        ImportResult seed = importer.importText("seed-004-feature-flags.json",
                PlanFixtures.example("seed-004-feature-flags.json"));
        String exported = new PlanFormat().write(seed.plan(), Format.JSON);

        ImportResult again = importer.importText("exported.json", exported);

        assertThat(exported).contains("\"schema\": \"rampart/plan/v1\"");
        assertThat(again.problems()).isEmpty();
        assertThat(again.defaultsApplied()).isEmpty();
        assertThat(again.plan()).isEqualTo(seed.plan());
    }

    @Test
    void theCheckoutExampleImportsCleanlyWithNoDefaults() {
        ImportResult result = importer.importText("checkout-plan.rampart.json",
                PlanFixtures.example("checkout-plan.rampart.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.defaultsApplied()).isEmpty();
        assertThat(result.plan().stage("ga").minDuration()).isNull();
    }

    @Test
    void aRampartPlanWithoutSchemaIsRecognisedByItsStageObjects() {
        String plan = """
                {"change_id": "C-1", "service": "svc", "stages": [{"name": "ga", "traffic_percent": 100}]}
                """;

        ImportResult result = importer.importText("plan.json", plan);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().schema()).isEqualTo(Plan.SCHEMA);
        assertThat(result.plan().stages().get(0).minDuration()).isNull();
        assertThat(result.defaultsApplied()).containsExactly("schema rampart/plan/v1 (none given)",
                "adapter simulator (none given)", "metrics source simulator (none given)");
    }

    @Test
    void filesAreReadFromDisk() {
        ImportResult seed = importer.importFile(Path.of("docs/examples/seed-000-rollout-plan.json"));
        ImportResult missing = importer.importFile(Path.of("docs/examples/no-such-plan.json"));

        assertThat(seed.ok()).isTrue();
        assertThat(seed.plan().service()).isEqualTo("seed-000-rollout-plan");
        assertThat(missing.plan()).isNull();
        assertThat(missing.problems()).extracting(Problem::toString)
                .containsExactly("docs/examples/no-such-plan.json:0:0: cannot read the file: no such file");
    }

    @Test
    void aFileThatIsNoKnownPlanGivesNoPlan() {
        ImportResult result = importer.importText("notes.json", "{\"title\": \"hello\"}");

        assertThat(result.plan()).isNull();
        assertThat(result.problems()).singleElement().extracting(Problem::line, Problem::column)
                .containsExactly(1, 1);
        assertThat(result.problems().get(0).message()).startsWith("not a plan Rampart knows");
    }
}
