package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    static final Path SEED_000 = Path.of("docs/examples/seed-000-rollout-plan.json");
    static final Path SEED_004 = Path.of("docs/examples/seed-004-feature-flags.json");
    static final Path CHECKOUT = Path.of("docs/examples/checkout-plan.rampart.json");

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    @Test
    void bothSeedFilesAndTheExampleValidate() {
        for (Path file : new Path[] {SEED_000, SEED_004, CHECKOUT,
                Path.of("docs/examples/adapters/command-argo-rollouts.json"),
                Path.of("docs/examples/adapters/command-make-rollback.json"),
                Path.of("docs/examples/adapters/command-alembic-downgrade.json")}) {
            CliRun run = CliRun.of("plan", "validate", file.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(file + ": ok");
        }
        assertThat(CliRun.of("plan", "validate", SEED_004.toString()).out())
                .contains("internal_test 0.5% → friendly_gp 5% → beta 25% → ga 100%");
    }

    @Test
    void aBrokenPlanIsReportedAtItsLinesAndColumnsWithExitTwo() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"schema": "rampart/plan/v1", "change_id": "C-1", "service": "svc",
                 "stages": [
                   {"name": "canary", "traffic_percent": 120, "min_duration": "-PT1H"},
                   {"name": "ga", "traffic_percent": 100, "trafic": 3}
                 ],
                 "halt_rules": ["error_rate > 1% fro 5m"]
                }
                """);
        CliRun run = CliRun.of("plan", "validate", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out().lines().toList()).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(l -> l.matches("\\Q" + bad + "\\E:\\d+:\\d+: .+"), "FILE:LINE:COL: message");
        assertThat(run.out())
                .contains(bad + ":3:42: ")
                .contains(bad + ":3:63: ")
                .contains(bad + ":4:43: ")
                .contains(bad + ":6:34: ");
    }

    @Test
    void malformedJsonIsBadInputWithAPlace() throws IOException {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"change_id\": \"C-1\",\n \"stages\": [\n");
        CliRun run = CliRun.of("plan", "validate", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).startsWith(bad + ":");
        assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void hostileFilesAreBadInputAtAPlaceNeverAStackTrace() throws IOException {
        Path flags = dir.resolve("flags.json");
        Files.writeString(flags, "{\"canary\": {\"cohorts\": {\"ga\": {\"percentage\": 100}},\n"
                + " \"halt_conditions\": {\"error_rate\": 1e309}}}");
        for (String file : new String[] {flags.toString(), "/dev/zero"}) {
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            CliRun run = CliRun.of("plan", "validate", file);
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).matches("(?s)" + java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .*");
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun run = CliRun.of("plan", "validate", dir.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains("nope.json");
    }

    @Test
    void validateSpeaksJson() throws IOException {
        CliRun run = CliRun.of("plan", "validate", "--json", SEED_004.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("stages")).hasSize(4);
        assertThat(json.get("defaults_applied").size()).isPositive();
    }

    @Test
    void importPrintsTheIdAndExportGivesTheSamePlanBack() throws IOException {
        CliRun imported = CliRun.of("--db", db(), "plan", "import", CHECKOUT.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String id = imported.out().trim();
        assertThat(id).matches("\\d+");

        Path exported = dir.resolve("exported.json");
        CliRun export = CliRun.of("--db", db(), "plan", "export", id, "--out", exported.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliRun again = CliRun.of("plan", "validate", exported.toString());
        assertThat(again.exitCode()).as(again.out()).isZero();

        CliRun yaml = CliRun.of("--db", db(), "plan", "export", id, "--format", "yaml");
        assertThat(yaml.out()).contains("schema: rampart/plan/v1").contains("change_id:");
    }

    @Test
    void aBadPlanChangesNothingInTheStore() throws IOException {
        assertThat(CliRun.of("--db", db(), "plan", "import", SEED_000.toString()).exitCode()).isZero();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"change_id\": \"C-9\", \"stages\": [\"canary\", \"120pct\"]}");
        CliRun run = CliRun.of("--db", db(), "plan", "import", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nothing was stored");
        assertThat(CliRun.of("--db", db(), "plan", "export", "C-9").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("--db", db(), "plan", "export", "2").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void importByJsonCarriesTheDefaults() throws IOException {
        CliRun run = CliRun.of("--db", db(), "plan", "import", "--json", SEED_004.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("id").asLong()).isPositive();
        assertThat(json.get("stages").toString()).isEqualTo("[\"internal_test\",\"friendly_gp\",\"beta\",\"ga\"]");
        assertThat(json.get("defaults_applied").toString()).contains("FLAGS-2.1.0");
    }

    @Test
    void unknownPlanAndBadOptionsAreBadInput() {
        CliRun unknown = CliRun.of("--db", db(), "plan", "export", "REL-NOPE");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("no plan with id or change id \"REL-NOPE\"");
        assertThat(CliRun.of("--db", db(), "plan", "export", "1", "--format", "xml").err())
                .contains("expected json or yaml");
        assertThat(CliRun.of("plan", "frobnicate").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
