package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** rampart rollout … on the wall clock against a real H2 file, with the simulator. */
class RolloutCommandTest {
    @TempDir
    Path dir;
    private String db;

    /** Seed 000's stages and rules, on a simulator whose time runs 3600 times faster, so rollbacks take ms. */
    static final String PLAN = """
            {"schema": "rampart/plan/v1", "change_id": "SC-2025-09-29-01", "service": "schema",
             "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT30M"},
                        {"name": "25pct", "traffic_percent": 25, "min_duration": "PT1H"},
                        {"name": "100pct", "traffic_percent": 100}],
             "halt_rules": ["error_rate>2pct", "latency>p95+30pct"],
             "adapter": {"type": "simulator", "settings": {"time_scale": 3600}}}
            """;

    @BeforeEach
    void importPlan() throws IOException {
        db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PLAN);
        CliRun imported = CliRun.of("--db", db, "plan", "import", plan.toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    }

    private CliRun rampart(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void startPauseResumeRollBack() throws IOException {
        CliRun started = rampart("rollout", "start", "SC-2025-09-29-01", "--json");
        assertThat(started.exitCode()).as(started.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(started.out());
        assertThat(json.get("state").asText()).isEqualTo("running");
        assertThat(json.get("stage").asText()).isEqualTo("canary");
        assertThat(json.get("started_by").asText()).as("the first start makes the OS user the release owner")
                .isEqualTo(Globals.osUser());
        String id = json.get("id").asText();

        assertThat(rampart("rollout", "pause", id, "--reason", "watching").out()).contains(": paused at stage canary");
        assertThat(rampart("rollout", "resume", id).out()).contains(": running at stage canary");
        CliRun rolledBack = rampart("rollout", "rollback", id, "--reason", "bad canary");
        assertThat(rolledBack.exitCode()).isZero();
        assertThat(rolledBack.out()).contains(": rolled_back").contains("reason=manual: bad canary")
                .contains("rollback_time_seconds=");
        assertThat(rampart("rollout", "status", id).out()).contains("rolled_back");
    }

    @Test
    void refusedActionsFailTheCheckAndBadInputIsBadInput() {
        String id = rampart("rollout", "start", "1").out().replaceAll("(?s)rollout (\\d+).*", "$1");
        assertThat(rampart("rollout", "rollback", id).exitCode()).isZero();
        CliRun refused = rampart("rollout", "resume", id);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(refused.err()).contains("cannot resume a rollout that is rolled_back");

        assertThat(rampart("rollout", "status", "42").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rampart("rollout", "start", "NOPE").err()).contains("no plan with id or change id \"NOPE\"");
        assertThat(rampart("rollout", "promote", id, "--force").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rampart("rollout", "promote", id, "--reason", "x").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void anEmergencyPromoteIsSignedAndRefusedWithoutAPassphrase() throws IOException {
        String id = rampart("rollout", "start", "1").out().replaceAll("(?s)rollout (\\d+).*", "$1");
        CliRun promoted = CliRun.as(Globals.osUser()).env(Secrets.PASSPHRASE_FILE, null)
                .run("--db", db, "rollout", "promote", id, "--force", "--reason", "security fix");
        assertThat(promoted.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(promoted.err()).contains("RAMPART_PASSPHRASE_FILE");
        JsonNode json = new ObjectMapper().readTree(rampart("rollout", "status", id, "--json").out());
        assertThat(json.get("state").asText()).as("nothing changed").isEqualTo("running");
        assertThat(json.get("events").toString()).doesNotContain("rollout.promoted");
    }

    @Test
    void someoneTheStoreDoesNotKnowMayNotStartARollout() {
        CliRun refused = CliRun.as("mallory").run("--db", db, "rollout", "start", "1");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(refused.err()).contains("Nobody called mallory");
        assertThat(rampart("rollout", "status", "1").exitCode()).as("no rollout was created")
                .isEqualTo(ExitCode.BAD_INPUT);
    }
}
