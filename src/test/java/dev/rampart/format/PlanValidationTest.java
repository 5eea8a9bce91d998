package dev.rampart.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every validation rule, placed at the exact line and column of the value at fault. */
class PlanValidationTest {
    private static final String HEAD = "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"C-1\", \"service\": \"svc\",\n";

    private final PlanImporter importer = new PlanImporter();

    private List<String> problems(String file, String text) {
        return importer.importText(file, text).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aPercentageAbove100IsAtItsValue() {
        String text = HEAD + """
                 "stages": [
                  {"name": "canary", "traffic_percent": 120},
                  {"name": "ga", "traffic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:41: stage canary: traffic_percent 120 is outside (0, 100]");
    }

    @Test
    void aZeroOrMissingPercentageIsAtTheValueOrElseTheStage() {
        String text = HEAD + """
                 "stages": [
                  {"name": "canary", "traffic_percent": 0},
                  {"name": "beta"},
                  {"name": "ga", "traffic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:41: stage canary: traffic_percent is missing or 0; it must be in (0, 100]",
                "p.json:4:3: stage beta: traffic_percent is missing or 0; it must be in (0, 100]");
    }

    @Test
    void percentagesMayNotGoDown() {
        String text = HEAD + """
                 "stages": [
                  {"name": "beta", "traffic_percent": 25},
                  {"name": "pilot", "traffic_percent": 5},
                  {"name": "ga", "traffic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:4:40: stage pilot: traffic_percent 5 is below the 25 of stage beta before it;"
                        + " traffic may not go down");
    }

    @Test
    void theLastStageTakesAllTraffic() {
        String text = HEAD + """
                 "stages": [{"name": "beta", "traffic_percent": 50}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:2:49: stage beta is the last stage, so its traffic_percent must be 100, not 50");
    }

    @Test
    void aPlanNeedsAStage() {
        assertThat(problems("p.json", HEAD + " \"stages\": []}")).containsExactly(
                "p.json:2:12: a plan needs at least one stage");
        assertThat(problems("p.json", "{\"schema\": \"rampart/plan/v1\"}")).containsExactly(
                "p.json:1:1: a plan needs at least one stage");
    }

    @Test
    void stageNamesAreUnique() {
        String text = HEAD + """
                 "stages": [
                  {"name": "beta", "traffic_percent": 25},
                  {"name": "beta", "traffic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:4:12: stage name \"beta\" is used twice (also stage 1)");
    }

    @Test
    void durationsArePositiveAndMinIsNotAboveMax() {
        String text = HEAD + """
                 "stages": [
                  {"name": "canary", "traffic_percent": 10, "min_duration": "-PT1H"},
                  {"name": "beta", "traffic_percent": 50, "min_duration": "PT2H", "max_duration": "PT1H"},
                  {"name": "ga", "traffic_percent": 100, "max_duration": "PT0S"}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:61: stage canary: min_duration -PT1H must be positive",
                "p.json:4:83: stage beta: max_duration PT1H is shorter than min_duration PT2H",
                "p.json:5:58: stage ga: max_duration PT0S must be positive");
    }

    @Test
    void aDecisionComesAPositiveTimeAfterTheStageStarts() {
        String text = HEAD + """
                 "stages": [
                  {"name": "beta", "traffic_percent": 50, "decision": {"after": "-PT5M", "roles": ["product"]}},
                  {"name": "ga", "traffic_percent": 100, "decision": {"roles": ["product"]}}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:65: stage beta: decision after -PT5M must be positive",
                "p.json:4:54: stage ga: decision needs \"after\" (such as PT24H)");
    }

    @Test
    void theTimeZoneIsKnownAndFreezeWindowsAreOrderedAndApart() {
        String text = HEAD + """
                 "stages": [{"name": "ga", "traffic_percent": 100}],
                 "schedule": {"start": "2026-12-01T09:00", "time_zone": "Mars/Olympus_Mons",
                   "freeze_windows": [
                     {"from": "2026-12-24T00:00", "to": "2026-12-27T00:00"},
                     {"from": "2026-12-26T00:00", "to": "2026-12-31T00:00"},
                     {"from": "2027-01-05T00:00", "to": "2027-01-02T00:00"},
                     {"from": "2027-02-01T00:00"}]}}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:57: time_zone \"Mars/Olympus_Mons\" is not a known time zone; use a region such as"
                        + " Africa/Cairo",
                "p.json:6:6: freeze window 2 (2026-12-26T00:00 to 2026-12-31T00:00) overlaps freeze window 1"
                        + " (2026-12-24T00:00 to 2026-12-27T00:00)",
                "p.json:7:41: freeze window 3 ends (2027-01-02T00:00) before it starts (2027-01-05T00:00)",
                "p.json:8:6: freeze window 4 needs both from and to");
    }

    @Test
    void theSchemaIsVersionOne() {
        String text = """
                {"schema": "rampart/plan/v2", "change_id": "C-1", "service": "svc",
                 "stages": [{"name": "ga", "traffic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:1:12: schema \"rampart/plan/v2\" is not supported; expected rampart/plan/v1");
    }

    @Test
    void everyUnknownKeyIsReportedAtTheKey() {
        String text = HEAD.replace(",\n", ", \"owners\": \"me\",\n") + """
                 "stages": [{"name": "ga", "traffic_percent": 100, "colour": "red"}],
                 "schedule": {"time_zone": "UTC", "freeze_windows": [{"from": "2026-12-24T00:00",
                   "to": "2026-12-27T00:00", "why": "holidays"}]}}
                """;

        List<String> problems = problems("p.json", text);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("p.json:1:69: unknown key \"owners\" in plan (did you mean \"owner\"?);"
                + " expected one of schema, change_id, service, version, previous_version, owner, description,");
        assertThat(problems.get(1)).isEqualTo("p.json:2:52: unknown key \"colour\" in stage; expected one of name,"
                + " traffic_percent, user_groups, min_duration, max_duration, entry, exit, approvals, checklist,"
                + " decision, enabled");
        assertThat(problems.get(2)).isEqualTo("p.json:4:30: unknown key \"why\" in freeze window; expected one of"
                + " from, to, reason");
    }

    @Test
    void aMisspeltKeyLeavesItsValueMissingToo() {
        String text = HEAD + """
                 "stages": [{"name": "ga", "trafic_percent": 100}]}
                """;

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:2:13: stage ga: traffic_percent is missing or 0; it must be in (0, 100]",
                "p.json:2:28: unknown key \"trafic_percent\" in stage (did you mean \"traffic_percent\"?); expected"
                        + " one of name, traffic_percent, user_groups, min_duration, max_duration, entry, exit,"
                        + " approvals, checklist, decision, enabled");
    }

    @Test
    void aPlanWithProblemsIsShownButNotOk() {
        ImportResult result = importer.importText("p.json", HEAD + " \"stages\": []}");

        assertThat(result.plan()).isNotNull();
        assertThat(result.ok()).isFalse();
    }

    @Test
    void yamlProblemsArePlacedToo() {
        String text = """
                schema: rampart/plan/v1
                change_id: C-1
                service: svc
                stages:
                  - name: canary
                    traffic_percent: 120
                  - name: ga
                    traffic_percent: 100
                    min_duration: "-PT1H"
                    colour: red
                """;

        List<String> problems = problems("p.yaml", text);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo("p.yaml:6:22: stage canary: traffic_percent 120 is outside (0, 100]");
        assertThat(problems.get(1)).isEqualTo("p.yaml:9:19: stage ga: min_duration -PT1H must be positive");
        assertThat(problems.get(2)).startsWith("p.yaml:10:5: unknown key \"colour\" in stage");
    }
}
