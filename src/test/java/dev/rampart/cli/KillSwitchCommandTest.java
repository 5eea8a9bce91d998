package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** rampart rollout kill|unkill ID [--cohort NAME]: a switch set from the command line is the store's (item 6). */
class KillSwitchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCohortSwitchTurnedOffFromTheCommandLineIsInTheStoreForEveryProcess() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, RolloutCommandTest.PLAN);
        assertThat(CliRun.of("--db", db, "plan", "import", plan.toString()).exitCode()).isZero();
        CliRun started = CliRun.of("--db", db, "rollout", "start", "SC-2025-09-29-01", "--json");
        String id = new ObjectMapper().readTree(started.out()).get("id").asText();

        CliRun killed = CliRun.of("--db", db, "rollout", "kill", id, "--cohort", "25pct");
        assertThat(killed.exitCode()).as(killed.err()).isZero();

        JsonNode status = new ObjectMapper().readTree(CliRun.of("--db", db, "rollout", "status", id, "--json").out());
        assertThat(status.get("kill_switches").get("canary.cohort.25pct.enabled").asBoolean()).isFalse();
        assertThat(status.get("kill_switches").get("system.canary.enabled").asBoolean()).isTrue();

        assertThat(CliRun.of("--db", db, "rollout", "unkill", id, "--cohort", "25pct").exitCode()).isZero();
        status = new ObjectMapper().readTree(CliRun.of("--db", db, "rollout", "status", id, "--json").out());
        assertThat(status.get("kill_switches").get("canary.cohort.25pct.enabled").asBoolean()).isTrue();
    }
}
